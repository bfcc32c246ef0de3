package dev.orion.core.lab;

import dev.orion.campaign.Candidate;
import dev.orion.campaign.Measurement;
import dev.orion.campaign.Observation;
import dev.orion.lab.Instrument;
import dev.orion.lab.InstrumentException;
import dev.orion.lab.InstrumentState;
import dev.orion.lab.InstrumentUnavailableException;
import dev.orion.lab.MeasurementRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;

/**
 * A stand-in for a laboratory device, for tests and demos: it "measures" one outcome with a function of the
 * candidate, after a queueing and a measuring delay, adds Gaussian noise, fails a share of experiments, and
 * can be disconnected. Every random choice is drawn from the seed and the request id, so the same request
 * always gives the same result, whatever the order of requests. Delays are measured on the given clock.
 *
 * <pre>{@code
 * SimulatedInstrument xrd = SimulatedInstrument.builder("xrd", "band_gap", "eV", c -> model(c))
 *         .queueDelay(Duration.ofSeconds(1)).measureDelay(Duration.ofSeconds(5))
 *         .noise(0.05).failureRate(0.1).seed(7).build();
 * }</pre>
 */
public final class SimulatedInstrument implements Instrument {

    private record Experiment(MeasurementRequest request, Instant submittedAt, boolean cancelled) {
    }

    private final String name;
    private final String outcome;
    private final String unit;
    private final ToDoubleFunction<Candidate> truth;
    private final Duration queueDelay;
    private final Duration measureDelay;
    private final double noise;
    private final double failureRate;
    private final long seed;
    private final Clock clock;
    private final Map<String, Experiment> experiments = new ConcurrentHashMap<>();
    private volatile boolean connected = true;

    private SimulatedInstrument(Builder b) {
        this.name = b.name;
        this.outcome = b.outcome;
        this.unit = b.unit;
        this.truth = b.truth;
        this.queueDelay = b.queueDelay;
        this.measureDelay = b.measureDelay;
        this.noise = b.noise;
        this.failureRate = b.failureRate;
        this.seed = b.seed;
        this.clock = b.clock;
    }

    /**
     * @param name    the instrument's name
     * @param outcome the outcome it measures
     * @param unit    its unit
     * @param truth   the noise-free value of a candidate
     * @return a builder
     */
    public static Builder builder(String name, String outcome, String unit, ToDoubleFunction<Candidate> truth) {
        return new Builder(name, outcome, unit, truth);
    }

    @Override
    public String name() {
        return name;
    }

    /** @param on whether the device answers; while off, every call throws {@link InstrumentUnavailableException} */
    public void setConnected(boolean on) {
        this.connected = on;
    }

    /** @return how many distinct experiments were submitted */
    public int experimentCount() {
        return experiments.size();
    }

    private void requireConnected(String what) {
        if (!connected) {
            throw new InstrumentUnavailableException(name, what + " failed: the device is disconnected",
                    new java.net.ConnectException("simulated disconnect"));
        }
    }

    @Override
    public String submit(MeasurementRequest request) {
        Objects.requireNonNull(request, "request");
        requireConnected("submit " + request.id());
        experiments.computeIfAbsent(request.id(), id -> new Experiment(request, clock.instant(), false));
        return request.id();
    }

    private Experiment experiment(String reference) {
        Experiment e = experiments.get(Objects.requireNonNull(reference, "reference"));
        if (e == null) {
            throw new InstrumentException(name, "no experiment " + reference);
        }
        return e;
    }

    @Override
    public InstrumentState state(String reference) {
        requireConnected("state of " + reference);
        Experiment e = experiment(reference);
        if (e.cancelled()) {
            return InstrumentState.CANCELLED;
        }
        Instant now = clock.instant();
        if (now.isBefore(e.submittedAt().plus(queueDelay))) {
            return InstrumentState.QUEUED;
        }
        if (now.isBefore(e.submittedAt().plus(queueDelay).plus(measureDelay))) {
            return InstrumentState.RUNNING;
        }
        return random(e).nextDouble() < failureRate ? InstrumentState.FAILED : InstrumentState.DONE;
    }

    @Override
    public Observation result(String reference) {
        InstrumentState state = state(reference);
        Experiment e = experiment(reference);
        Candidate c = e.request().candidate();
        return switch (state) {
            case QUEUED, RUNNING -> throw new IllegalStateException("experiment " + reference + " on " + name + " is " + state);
            case CANCELLED -> Observation.failed(c, "experiment " + reference + " was cancelled on " + name);
            case FAILED -> Observation.failed(c, "the sample failed on " + name + " (simulated failure)");
            case DONE -> {
                SplittableRandom r = random(e);
                r.nextDouble();
                double value = truth.applyAsDouble(c) + noise * gaussian(r);
                yield Observation.of(c, Map.of(outcome, noise > 0 ? Measurement.of(value, unit, noise) : Measurement.of(value, unit)));
            }
        };
    }

    @Override
    public void cancel(String reference) {
        requireConnected("cancel " + reference);
        experiments.computeIfPresent(reference, (k, e) -> state(reference).isFinished() ? e
                : new Experiment(e.request(), e.submittedAt(), true));
    }

    private SplittableRandom random(Experiment e) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L ^ e.request().id().hashCode());
    }

    private static double gaussian(SplittableRandom r) {
        // Box-Muller: two uniforms to one standard normal
        double u = 1 - r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    /** Collects a simulated instrument's settings. */
    public static final class Builder {
        private final String name;
        private final String outcome;
        private final String unit;
        private final ToDoubleFunction<Candidate> truth;
        private Duration queueDelay = Duration.ZERO;
        private Duration measureDelay = Duration.ZERO;
        private double noise;
        private double failureRate;
        private long seed;
        private Clock clock = Clock.systemUTC();

        private Builder(String name, String outcome, String unit, ToDoubleFunction<Candidate> truth) {
            if (name == null || name.isBlank() || name.length() > 100) {
                throw new IllegalArgumentException("name must be 1-100 characters, got '" + name + "'");
            }
            this.name = name;
            this.outcome = Objects.requireNonNull(outcome, "outcome");
            this.unit = Objects.requireNonNull(unit, "unit");
            this.truth = Objects.requireNonNull(truth, "truth");
        }

        /** @param d time an experiment waits before it starts (&gt;= 0)  @return this builder (for chaining) */
        public Builder queueDelay(Duration d) {
            this.queueDelay = nonNegative("queueDelay", d);
            return this;
        }

        /** @param d time a measurement takes (&gt;= 0)  @return this builder (for chaining) */
        public Builder measureDelay(Duration d) {
            this.measureDelay = nonNegative("measureDelay", d);
            return this;
        }

        /** @param sd the standard deviation of the Gaussian noise (finite, &gt;= 0)  @return this builder (for chaining) */
        public Builder noise(double sd) {
            if (!(sd >= 0) || !Double.isFinite(sd)) {
                throw new IllegalArgumentException("noise must be finite and >= 0, got " + sd);
            }
            this.noise = sd;
            return this;
        }

        /** @param p the share of experiments that fail (0-1)  @return this builder (for chaining) */
        public Builder failureRate(double p) {
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("failureRate must be in [0, 1], got " + p);
            }
            this.failureRate = p;
            return this;
        }

        /** @param s the seed of noise and failures  @return this builder (for chaining) */
        public Builder seed(long s) {
            this.seed = s;
            return this;
        }

        /** @param c the clock delays are measured on (default UTC system clock)  @return this builder (for chaining) */
        public Builder clock(Clock c) {
            this.clock = Objects.requireNonNull(c, "clock");
            return this;
        }

        /** @return the instrument */
        public SimulatedInstrument build() {
            return new SimulatedInstrument(this);
        }

        private static Duration nonNegative(String what, Duration d) {
            if (d == null || d.isNegative()) {
                throw new IllegalArgumentException(what + " must be >= 0, got " + d);
            }
            return d;
        }
    }
}
