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
}
