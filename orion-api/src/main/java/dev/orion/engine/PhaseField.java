package dev.orion.engine;

import dev.orion.engine.continuum.DoubleWell;
import java.util.Objects;

/**
 * A Cahn-Hilliard phase-field calculation (spinodal decomposition of a conserved concentration) on a
 * periodic 2-D grid: {@code dc/dt = M ∇²(f'(c) - κ ∇²c)} with a {@link DoubleWell} {@code f}, from
 * a uniform concentration plus seeded uniform noise. The defaults of {@link #builder(int, int)} are
 * PFHub benchmark 1's parameters (ρ = 5, cα = 0.3, cβ = 0.7, κ = 2, M = 5, c0 = 0.5, noise 0.01,
 * grid spacing 1), on a random rather than the benchmark's cosine initial field.
 *
 * @param nx             grid points along x (a power of two, 4 to 4096)
 * @param ny             grid points along y (a power of two, 4 to 4096)
 * @param spacing        grid spacing (> 0)
 * @param mobility       M (> 0)
 * @param gradientEnergy κ (> 0)
 * @param freeEnergy     the bulk free energy density
 * @param mean           the initial mean concentration
 * @param noise          the amplitude of the initial uniform noise (>= 0): c = mean + noise·u, u in [-1, 1)
 * @param seed           the noise's seed
 * @param timeStep       Δt (> 0)
 * @param steps          how many steps (>= 1)
 * @param sampleEvery    steps between samples of the free energy (>= 1)
 */
public record PhaseField(int nx, int ny, double spacing, double mobility, double gradientEnergy, DoubleWell freeEnergy,
                         double mean, double noise, long seed, double timeStep, int steps, int sampleEvery)
        implements Calculation {

    /** Validates. */
    public PhaseField {
        grid("nx", nx);
        grid("ny", ny);
        positive("spacing", spacing);
        positive("mobility", mobility);
        positive("gradientEnergy", gradientEnergy);
        positive("timeStep", timeStep);
        Objects.requireNonNull(freeEnergy, "freeEnergy");
        if (!Double.isFinite(mean)) {
            throw new IllegalArgumentException("mean must be finite, got " + mean);
        }
        if (!(noise >= 0) || !Double.isFinite(noise)) {
            throw new IllegalArgumentException("noise must be finite and >= 0, got " + noise);
        }
        if (steps < 1 || sampleEvery < 1) {
            throw new IllegalArgumentException("steps and sampleEvery must be >= 1, got " + steps + ", " + sampleEvery);
        }
    }

    private static void grid(String what, int n) {
        if (n < 4 || n > 4096 || Integer.bitCount(n) != 1) {
            throw new IllegalArgumentException(what + " must be a power of two from 4 to 4096, got " + n);
        }
    }

    private static void positive(String what, double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(what + " must be finite and > 0, got " + v);
        }
    }

    @Override
    public String kind() {
        return "phase-field";
    }

    /** @param nx grid points along x  @param ny grid points along y  @return a builder with PFHub BM1's parameters */
    public static Builder builder(int nx, int ny) {
        return new Builder(nx, ny);
    }

    /** Builds a {@link PhaseField}. */
    public static final class Builder {
        private final int nx;
        private final int ny;
        private double spacing = 1;
        private double mobility = 5;
        private double kappa = 2;
        private DoubleWell freeEnergy = new DoubleWell(5, 0.3, 0.7);
        private double mean = 0.5;
        private double noise = 0.01;
        private long seed = 1;
        private double dt = 0.01;
        private int steps = 1000;
        private int sampleEvery = 100;

        private Builder(int nx, int ny) {
            this.nx = nx;
            this.ny = ny;
        }

        /** @param h grid spacing  @return this */
        public Builder spacing(double h) {
            this.spacing = h;
            return this;
        }

        /** @param m mobility M  @return this */
        public Builder mobility(double m) {
            this.mobility = m;
            return this;
        }

        /** @param k gradient energy coefficient κ  @return this */
        public Builder gradientEnergy(double k) {
            this.kappa = k;
            return this;
        }

        /** @param f the bulk free energy density  @return this */
        public Builder freeEnergy(DoubleWell f) {
            this.freeEnergy = Objects.requireNonNull(f, "freeEnergy");
            return this;
        }

        /** @param c0 initial mean  @param amplitude noise amplitude  @param noiseSeed seed  @return this */
        public Builder initial(double c0, double amplitude, long noiseSeed) {
            this.mean = c0;
            this.noise = amplitude;
            this.seed = noiseSeed;
            return this;
        }

        /** @param timeStep Δt  @param count steps  @param every steps between samples  @return this */
        public Builder run(double timeStep, int count, int every) {
            this.dt = timeStep;
            this.steps = count;
            this.sampleEvery = every;
            return this;
        }

        /** @return the calculation */
        public PhaseField build() {
            return new PhaseField(nx, ny, spacing, mobility, kappa, freeEnergy, mean, noise, seed, dt, steps, sampleEvery);
        }
    }
}
