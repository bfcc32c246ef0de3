package dev.orion.engine;

import dev.orion.engine.continuum.DoubleWell;
import java.util.List;
import java.util.Objects;

/**
 * A phase-field calculation on a periodic 2-D or 3-D grid with a {@link DoubleWell} bulk free
 * energy {@code f}: Cahn-Hilliard, {@code dc/dt = M ∇²(f'(c) - κ ∇²c)} (a conserved concentration:
 * spinodal decomposition), or Allen-Cahn, {@code dφ/dt = -M (f'(φ) - κ ∇²φ)} (a non-conserved order
 * parameter), from a given field or from a uniform value plus seeded uniform noise. The defaults of
 * {@link #builder(int, int)} are PFHub benchmark 1's parameters (ρ = 5, cα = 0.3, cβ = 0.7, κ = 2,
 * M = 5, c0 = 0.5, noise 0.01, grid spacing 1), on a random rather than the benchmark's cosine
 * initial field; {@link #pfhubBenchmark1a(int)} sets up the benchmark itself (its 200 × 200 square and
 * cosine field).
 *
 * <pre>{@code
 * PhaseField spinodal = PhaseField.builder(128, 128).run(0.05, 20_000, 500).build();
 * PhaseField grains = PhaseField.builder(64, 64, 64).equation(PhaseFieldEquation.ALLEN_CAHN)
 *         .initial(0.5, 0.2, 7).run(0.05, 2_000, 200).build();
 * }</pre>
 *
 * @param nx             grid points along x (a power of two, 4 to 4096)
 * @param ny             grid points along y (a power of two, 4 to 4096)
 * @param nz             grid points along z: 1 for a 2-D grid, else a power of two, 4 to 1024
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
 * @param equation       Cahn-Hilliard or Allen-Cahn
 * @param initialField   the initial field, {@code x + nx (y + ny z)} ordered, or empty for mean plus noise
 */
public record PhaseField(int nx, int ny, int nz, double spacing, double mobility, double gradientEnergy,
                         DoubleWell freeEnergy, double mean, double noise, long seed, double timeStep, int steps,
                         int sampleEvery, PhaseFieldEquation equation, List<Double> initialField)
        implements Calculation {

    /** Validates and copies. */
    public PhaseField {
        grid("nx", nx);
        grid("ny", ny);
        if (nz != 1 && (nz < 4 || nz > 1024 || Integer.bitCount(nz) != 1)) {
            throw new IllegalArgumentException("nz must be 1 (a 2-D grid) or a power of two from 4 to 1024, got " + nz);
        }
        if ((long) nx * ny * nz > 1L << 27) {
            throw new IllegalArgumentException("grid of " + nx + " x " + ny + " x " + nz + " points exceeds 2^27 points");
        }
        Objects.requireNonNull(equation, "equation");
        initialField = List.copyOf(initialField);
        if (!initialField.isEmpty() && initialField.size() != nx * ny * nz) {
            throw new IllegalArgumentException("initialField must hold nx * ny * nz = " + nx * ny * nz + " values, got "
                    + initialField.size());
        }
        for (int i = 0; i < initialField.size(); i++) {
            if (!Double.isFinite(initialField.get(i))) {
                throw new IllegalArgumentException("initialField[" + i + "] must be finite, got " + initialField.get(i));
            }
        }
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

    /** @param nx grid points along x  @param ny grid points along y  @return a 2-D builder with PFHub BM1's parameters */
    public static Builder builder(int nx, int ny) {
        return new Builder(nx, ny, 1);
    }

    /**
     * @param nx grid points along x  @param ny grid points along y  @param nz grid points along z
     * @return a 3-D builder with PFHub BM1's parameters
     */
    public static Builder builder(int nx, int ny, int nz) {
        return new Builder(nx, ny, nz);
    }

    /**
     * PFHub benchmark 1a, spinodal decomposition on a periodic 200 × 200 square
     * (<a href="https://pages.nist.gov/pfhub/benchmarks/benchmark1.ipynb/">the benchmark page</a>): the
     * defaults' parameters (ρ = 5, cα = 0.3, cβ = 0.7, κ = 2, M = 5) on {@code points × points} grid
     * points of spacing {@code 200 / points}, from the benchmark's initial field
     * {@code c = c0 + ε [cos(0.105x) cos(0.11y) + (cos(0.13x) cos(0.087y))² + cos(0.025x − 0.15y) cos(0.07x − 0.02y)]},
     * c0 = 0.5, ε = 0.01, at the grid points {@code (i h, j h)}; not periodic, as the page says.
     *
     * @param points grid points along each side (a power of two, 4 to 4096)
     * @return a builder; set the time step and steps with {@link Builder#run(double, int, int)}
     */
    public static Builder pfhubBenchmark1a(int points) {
        grid("points", points);
        double h = 200.0 / points;
        double[] field = new double[points * points];
        for (int j = 0; j < points; j++) {
            double y = j * h;
            for (int i = 0; i < points; i++) {
                double x = i * h;
                double b = Math.cos(0.13 * x) * Math.cos(0.087 * y);
                field[i + points * j] = 0.5 + 0.01 * (Math.cos(0.105 * x) * Math.cos(0.11 * y) + b * b
                        + Math.cos(0.025 * x - 0.15 * y) * Math.cos(0.07 * x - 0.02 * y));
            }
        }
        return builder(points, points).spacing(h).initialField(field);
    }

    /** @return whether the grid is 3-D */
    public boolean is3d() {
        return nz > 1;
    }

    /** Builds a {@link PhaseField}. */
    public static final class Builder {
        private final int nx;
        private final int ny;
        private final int nz;
        private PhaseFieldEquation equation = PhaseFieldEquation.CAHN_HILLIARD;
        private List<Double> initialField = List.of();
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

        private Builder(int nx, int ny, int nz) {
            this.nx = nx;
            this.ny = ny;
            this.nz = nz;
        }

        /** @param e the equation (default Cahn-Hilliard)  @return this */
        public Builder equation(PhaseFieldEquation e) {
            this.equation = Objects.requireNonNull(e, "equation");
            return this;
        }

        /**
         * @param field the initial field, {@code x + nx (y + ny z)} ordered (replaces mean plus noise;
         *              the mean recorded is the field's)
         * @return this
         */
        public Builder initialField(double[] field) {
            List<Double> values = new java.util.ArrayList<>(field.length);
            double sum = 0;
            for (double v : field) {
                values.add(v);
                sum += v;
            }
            this.initialField = values;
            this.mean = field.length == 0 ? mean : sum / field.length;
            this.noise = 0;
            return this;
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
            return new PhaseField(nx, ny, nz, spacing, mobility, kappa, freeEnergy, mean, noise, seed, dt, steps,
                    sampleEvery, equation, initialField);
        }
    }
}
