package dev.orion.engine;

import dev.orion.structure.Structure;
import java.util.Objects;
import java.util.Optional;

/**
 * Minimises the energy over the atomic positions and, if {@code relaxCell}, over the cell under
 * {@code pressureGPa}. Each engine applies the tolerances with its own criterion: LAMMPS stops at
 * {@code minimize etol ftol} (relative energy change, or the two-norm of the global force vector);
 * pw.x uses {@code forc_conv_thr} (largest force component); the built-in engines stop when the
 * largest atomic force is below {@code forceTolerance} (and, for the cell, the stress is within
 * 1e-5 GPa of the target).
 *
 * @param structure       the starting structure
 * @param method          the method, if chosen
 * @param relaxCell       whether the cell relaxes too (isotropically for cubic-like boxes in LAMMPS:
 *                        {@code fix box/relax iso}; all components in pw.x {@code vc-relax})
 * @param forceTolerance  eV/Å
 * @param energyTolerance relative energy change (dimensionless)
 * @param maxSteps        most iterations
 * @param pressureGPa     target pressure for a cell relaxation, GPa
 */
public record Relaxation(Structure structure, Optional<Method> method, boolean relaxCell, double forceTolerance,
                         double energyTolerance, int maxSteps, double pressureGPa) implements AtomisticCalculation {

    /** Validates. */
    public Relaxation {
        Objects.requireNonNull(structure, "structure");
        Objects.requireNonNull(method, "method");
        if (!(forceTolerance >= 0) || !(energyTolerance >= 0) || forceTolerance + energyTolerance == 0) {
            throw new IllegalArgumentException("forceTolerance and energyTolerance must be >= 0 and not both 0, got "
                    + forceTolerance + ", " + energyTolerance);
        }
        if (maxSteps < 1) {
            throw new IllegalArgumentException("maxSteps must be >= 1, got " + maxSteps);
        }
        if (!Double.isFinite(pressureGPa)) {
            throw new IllegalArgumentException("pressureGPa must be finite, got " + pressureGPa);
        }
    }

    /** @param structure the starting structure  @return a builder with defaults (ftol 1e-6 eV/Å, etol 1e-12, 1000 steps) */
    public static Builder builder(Structure structure) {
        return new Builder(structure);
    }

    @Override
    public Relaxation with(Method m) {
        return new Relaxation(structure, Optional.of(Objects.requireNonNull(m, "method")), relaxCell, forceTolerance,
                energyTolerance, maxSteps, pressureGPa);
    }

    /** @param cell whether the cell relaxes too  @return a copy */
    public Relaxation withCell(boolean cell) {
        return new Relaxation(structure, method, cell, forceTolerance, energyTolerance, maxSteps, pressureGPa);
    }

    @Override
    public String kind() {
        return "relaxation";
    }

    /** Builds a {@link Relaxation}. */
    public static final class Builder {
        private final Structure structure;
        private Optional<Method> method = Optional.empty();
        private boolean relaxCell;
        private double ftol = 1e-6;
        private double etol = 1e-12;
        private int maxSteps = 1000;
        private double pressure;

        private Builder(Structure structure) {
            this.structure = Objects.requireNonNull(structure, "structure");
        }

        /** @param m the method  @return this */
        public Builder method(Method m) {
            this.method = Optional.of(Objects.requireNonNull(m, "method"));
            return this;
        }

        /** @param cell whether the cell relaxes too  @return this */
        public Builder relaxCell(boolean cell) {
            this.relaxCell = cell;
            return this;
        }

        /** @param evPerAngstrom largest force component at convergence  @return this */
        public Builder forceTolerance(double evPerAngstrom) {
            this.ftol = evPerAngstrom;
            return this;
        }

        /** @param relative relative energy change at convergence  @return this */
        public Builder energyTolerance(double relative) {
            this.etol = relative;
            return this;
        }

        /** @param n most iterations  @return this */
        public Builder maxSteps(int n) {
            this.maxSteps = n;
            return this;
        }

        /** @param gpa target pressure for a cell relaxation  @return this */
        public Builder pressure(double gpa) {
            this.pressure = gpa;
            return this;
        }

        /** @return the relaxation */
        public Relaxation build() {
            return new Relaxation(structure, method, relaxCell, ftol, etol, maxSteps, pressure);
        }
    }
}
