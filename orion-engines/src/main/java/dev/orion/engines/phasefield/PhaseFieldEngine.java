package dev.orion.engines.phasefield;

import dev.orion.EngineFailureException;
import dev.orion.InvalidCalculationException;
import dev.orion.engine.continuum.PhaseFieldResult;
import dev.orion.engine.Calculation;
import dev.orion.engine.CalculationResult;
import dev.orion.engine.Convergence;
import dev.orion.engine.EngineCapabilities;
import dev.orion.engine.JavaEngine;
import dev.orion.engine.PhaseField;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The built-in phase-field engine ({@code orion-phase-field}): {@link PhaseField} calculations
 * (Cahn-Hilliard or Allen-Cahn, 2-D or 3-D) in this JVM, Fourier-spectral with its own multi-threaded FFT.
 * Results are in {@link CalculationResult#phaseField()}: the free energy and mean of the field at
 * every sample and the final field; a picture of it ({@code field.png}, the middle layer of a 3-D
 * grid) is kept as the output file {@code field-image}. A run stops promptly, as CANCELLED, when its
 * thread is interrupted. The FFT lines and grid loops of a run are shared among
 * {@link Builder#threads(int) threads} with a fixed partition; results are identical to the last
 * digit whatever the thread count.
 *
 * <pre>{@code
 * PhaseFieldEngine engine = PhaseFieldEngine.builder().threads(2).build();
 * PhaseFieldResult r = engine.compute(PhaseField.builder(256, 256).build(), workDir).phaseField().orElseThrow();
 * }</pre>
 */
public final class PhaseFieldEngine implements JavaEngine {

    private static final Logger LOG = LoggerFactory.getLogger(PhaseFieldEngine.class);
    /** The picture of the final field (the middle layer of a 3-D grid) in the work folder. */
    static final String IMAGE_FILE = "field.png";

    private final int threads;

    /** An engine on all available processors; the same as {@code builder().build()}. */
    public PhaseFieldEngine() {
        this(builder());
    }

    private PhaseFieldEngine(Builder b) {
        this.threads = b.threads;
    }

    /** @return a builder (default: as many threads as available processors) */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String name() {
        return "orion-phase-field";
    }

    @Override
    public String version() {
        return "1";
    }

    @Override
    public EngineCapabilities capabilities() {
        return new EngineCapabilities(Set.of("phase-field"), Set.of(), false, Set.of());
    }

    @Override
    public List<String> validate(Calculation calculation) {
        Objects.requireNonNull(calculation, "calculation");
        return calculation instanceof PhaseField ? List.of()
                : List.of("the phase-field engine computes phase-field calculations, not '" + calculation.kind() + "'");
    }

    @Override
    public List<Path> referencedFiles(Calculation calculation) {
        return List.of();
    }

    @Override
    public CalculationResult compute(Calculation calculation, Path workDir) {
        List<String> problems = validate(calculation);
        if (!problems.isEmpty()) {
            throw new InvalidCalculationException(name(), problems);
        }
        PhaseField p = (PhaseField) calculation;
        long start = System.nanoTime();
        try (LinePartition lanes = new LinePartition(threads)) {
            return run(p, new SpectralModel(p, lanes), workDir, start);
        }
    }

    private CalculationResult run(PhaseField p, SpectralModel model, Path workDir, long start) {
        List<Double> times = new ArrayList<>();
        List<Double> energies = new ArrayList<>();
        List<Double> means = new ArrayList<>();
        sample(model, 0, times, energies, means);
        for (int step = 1; step <= p.steps(); step++) {
            if (Thread.currentThread().isInterrupted()) {
                throw new EngineFailureException(name(), EngineFailureException.Kind.CANCELLED,
                        "interrupted at step " + step + " of " + p.steps(), Optional.empty());
            }
            model.step();
            if (step % p.sampleEvery() == 0 || step == p.steps()) {
                sample(model, step * p.timeStep(), times, energies, means);
            }
        }
        List<Double> field = new ArrayList<>(p.nx() * p.ny() * p.nz());
        for (double v : model.field()) {
            field.add(v);
        }
        LOG.debug("phase field {}x{}x{} ({}): {} steps, free energy {} -> {}", p.nx(), p.ny(), p.nz(), p.equation(),
                p.steps(), energies.get(0), energies.get(energies.size() - 1));
        PhaseFieldResult result = new PhaseFieldResult(p.nx(), p.ny(), p.nz(), times, energies, means, field);
        Path image = workDir.resolve(IMAGE_FILE);
        try {
            java.nio.file.Files.createDirectories(workDir);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot create " + workDir, e);
        }
        FieldImage.write(result, image);
        return CalculationResult.builder(name(), 0, 0).engineVersion(version())
                .phaseField(result).outputFile("field-image", image)
                .convergence(new Convergence(true, p.steps(), "ran all steps"))
                .wallTime(Duration.ofNanos(System.nanoTime() - start)).build();
    }

    private static void sample(SpectralModel model, double time, List<Double> times, List<Double> energies,
            List<Double> means) {
        times.add(time);
        energies.add(model.freeEnergy());
        means.add(model.mean());
    }

    /** Configures a {@link PhaseFieldEngine}. */
    public static final class Builder {
        private int threads = Runtime.getRuntime().availableProcessors();

        private Builder() {
        }

        /**
         * @param count how many threads run the FFTs and grid loops of one calculation (default: the
         *              available processors); results are identical to the last digit for any count
         * @return this
         * @throws IllegalArgumentException if {@code count < 1}
         */
        public Builder threads(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("threads must be >= 1, got " + count);
            }
            this.threads = count;
            return this;
        }

        /** @return the engine */
        public PhaseFieldEngine build() {
            return new PhaseFieldEngine(this);
        }
    }
}
