package dev.orion.engines.eam;

/**
 * Energy, forces and virial of a {@link Configuration}: what the relaxer needs from a potential.
 */
interface ForceModel {

    /** @return the interaction cutoff in Å */
    double cutoff();

    /**
     * @param c      the configuration (its neighbour list is current)
     * @param forces filled with forces in eV/Å, 3 per atom
     * @param virial filled with the virial sum of del_a del_b fpair in eV (xx yy zz yz xz xy)
     * @return the potential energy in eV
     */
    double evaluate(Configuration c, double[] forces, double[] virial);

    /**
     * Adds a central pair force to atom {@code i} and its opposite to atom {@code j}.
     *
     * @param forces forces, 3 per atom
     * @param i      the atom that gets {@code (dx, dy, dz) * fpair}
     * @param j      the atom that gets its opposite
     * @param dx     x of the pair's separation vector (as used for the virial)
     * @param dy     y of it
     * @param dz     z of it
     * @param fpair  the force over the distance
     */
    static void addPairForce(double[] forces, int i, int j, double dx, double dy, double dz, double fpair) {
        forces[3 * i] += dx * fpair;
        forces[3 * i + 1] += dy * fpair;
        forces[3 * i + 2] += dz * fpair;
        forces[3 * j] -= dx * fpair;
        forces[3 * j + 1] -= dy * fpair;
        forces[3 * j + 2] -= dz * fpair;
    }
}
