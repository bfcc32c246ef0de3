package dev.orion.core.plot;

/**
 * One step of a structure relaxation, as {@link Plots#relaxation} draws it.
 *
 * @param step     the minimiser step (0 for the starting structure)
 * @param energy   the potential energy in eV
 * @param maxForce the largest force on an atom in eV/Å (&gt;= 0)
 */
public record RelaxationStep(long step, double energy, double maxForce) {

    /** Validates. */
    public RelaxationStep {
        if (step < 0) {
            throw new IllegalArgumentException("step must be >= 0, got " + step);
        }
        if (!Double.isFinite(energy)) {
            throw new IllegalArgumentException("energy must be finite, got " + energy);
        }
        if (!(maxForce >= 0) || Double.isInfinite(maxForce)) {
            throw new IllegalArgumentException("maxForce must be finite and >= 0, got " + maxForce);
        }
    }
}
