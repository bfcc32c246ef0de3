package dev.orion.engines.eam;

import dev.orion.EngineFailureException;
import dev.orion.InvalidCalculationException;
import dev.orion.engine.AtomisticCalculation;
import dev.orion.engine.Calculation;
import dev.orion.engine.CalculationResult;
import dev.orion.engine.EngineCapabilities;
import dev.orion.engine.JavaEngine;
import dev.orion.engine.MolecularDynamics;
import dev.orion.engine.Potential;
import dev.orion.engines.internal.AtomTypes;
import dev.orion.structure.Element;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test engine, not a physics engine: closed-form Lennard-Jones ({@link Potential.LennardJones})
 * single points and relaxations in microseconds, for fast tests of the machinery around engines
 * (job service, stores, provenance, recovery). It can be told to take a while (interruptibly) so
 * that cancellation and crash recovery can be tested, and it counts how often it computed.
 */
public final class AnalyticTestEngine implements JavaEngine {

    private final Duration delay;
    private final AtomicInteger computations = new AtomicInteger();

    private AnalyticTestEngine(Duration delay) {
        this.delay = delay;
    }

    /** @return an engine that answers at once */
    public static AnalyticTestEngine create() {
        return new AnalyticTestEngine(Duration.ZERO);
    }

    /** @param delay how long each computation takes (interruptible)  @return the engine */
    public static AnalyticTestEngine withDelay(Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must be >= 0, got " + delay);
        }
        return new AnalyticTestEngine(delay);
    }

    /** @return how many computations this instance started */
    public int computations() {
        return computations.get();
    }

    @Override
    public String name() {
        return "analytic-test";
    }

    @Override
    public String version() {
        return "1";
    }

    @Override
    public EngineCapabilities capabilities() {
        return new EngineCapabilities(Set.of("single-point", "relaxation"), Set.of("lj/cut"), true, Set.of());
    }

    @Override
    public List<Path> referencedFiles(Calculation calculation) {
        return List.of();
    }

    @Override
    public List<String> validate(Calculation calculation) {
        if (!(calculation instanceof AtomisticCalculation atomistic)) {
            return List.of("the analytic test engine computes atomistic calculations only");
        }
        List<String> problems = new ArrayList<>();
        if (calculation instanceof MolecularDynamics) {
            problems.add("the analytic test engine runs single points and relaxations only");
        }
        if (atomistic.method().isEmpty() || !(atomistic.method().get() instanceof Potential.LennardJones lj)) {
            problems.add("the analytic test engine needs a Lennard-Jones potential");
            return problems;
        }
        for (Element e : AtomTypes.order(atomistic.structure())) {
            if (!lj.elements().contains(e)) {
                problems.add("the potential does not cover element " + e.symbol());
            }
        }
        return problems;
    }

    @Override
    public CalculationResult compute(Calculation calculation, Path workDir) {
        List<String> problems = validate(calculation);
        if (!problems.isEmpty()) {
            throw new InvalidCalculationException(name(), problems);
        }
        computations.incrementAndGet();
        if (!delay.isZero()) {
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new EngineFailureException(name(), EngineFailureException.Kind.CANCELLED, "interrupted",
                        Optional.empty(), e);
            }
        }
        AtomisticCalculation atomistic = (AtomisticCalculation) calculation;
        Potential.LennardJones lj = (Potential.LennardJones) atomistic.method().orElseThrow();
        List<Element> order = AtomTypes.order(atomistic.structure());
        return ModelRun.run(name(), version(), new LennardJonesModel(lj, order), atomistic, order, workDir);
    }
}
