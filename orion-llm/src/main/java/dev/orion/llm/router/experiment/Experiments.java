package dev.orion.llm.router.experiment;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running experiments of a router. Assignment is deterministic (SHA-256 of
 * {@code experiment + ":" + subject} mapped onto the weights), so a subject always sees the same arm,
 * on every instance. Once the stop rule is met the experiment stops assigning and requests use the
 * profile they asked for.
 */
public final class Experiments {

    private static final Logger LOG = LoggerFactory.getLogger(Experiments.class);

    private final Map<String, Running> byName = new ConcurrentHashMap<>();
    private final Map<String, Running> byProfile = new ConcurrentHashMap<>();

    /** Starts an experiment (one per profile at a time). @param experiment the experiment */
    public void start(Experiment experiment) {
        Running r = new Running(experiment);
        if (byProfile.putIfAbsent(experiment.profile(), r) != null) {
            throw new IllegalStateException("profile '" + experiment.profile() + "' already has a running experiment");
        }
        byName.put(experiment.name(), r);
    }

    /** Stops assigning subjects (results stay readable). @param name the experiment */
    public void stop(String name) {
        Running r = byName.get(name);
        if (r != null) {
            r.stopped = true;
            byProfile.remove(r.experiment.profile(), r);
        }
    }

    /**
     * The arm a subject gets for requests of a profile, if an experiment is running on it.
     *
     * @param profile the requested profile
     * @param subject the subject
     * @return the experiment and arm
     */
    public Optional<Assignment> assign(String profile, String subject) {
        Running r = byProfile.get(profile);
        if (r == null || r.stopped) {
            return Optional.empty();
        }
        return Optional.of(new Assignment(r.experiment.name(), choose(r.experiment, subject)));
    }

    /** The arm of a subject, by hash. @param experiment the experiment @param subject the subject @return the arm */
    public static Variant choose(Experiment experiment, String subject) {
        double u = unitHash(experiment.name() + ":" + subject);
        double total = experiment.variants().stream().mapToDouble(Variant::weight).sum();
        double acc = 0;
        for (Variant v : experiment.variants()) {
            acc += v.weight() / total;
            if (u < acc) {
                return v;
            }
        }
        return experiment.variants().get(experiment.variants().size() - 1);
    }

    /**
     * Records the outcome of a call made in an arm.
     *
     * @param experiment the experiment
     * @param variant    the arm
     * @param success    whether the call answered
     * @param latency    its latency
     * @param cost       its cost
     */
    public void recordOutcome(String experiment, String variant, boolean success, Duration latency, BigDecimal cost) {
        Running r = byName.get(experiment);
        if (r == null) {
            return;
        }
        Arm arm = r.arm(variant);
        synchronized (arm) {
            arm.calls++;
            if (success) {
                arm.successes++;
            }
            arm.latencyMs += latency.toNanos() / 1e6;
            arm.cost += cost.doubleValue();
        }
        if (!r.stopped && r.outcomes.incrementAndGet() % 50 == 0) {
            ExperimentResults res = results(experiment).orElseThrow();
            if (res.stop()) {
                LOG.info("experiment {} stops: {}", experiment, res.reason());
                stop(experiment);
            }
        }
    }

    /**
     * Records a user's score of an answer (e.g. an expert's 1-5 rating) for the subject's arm.
     *
     * @param experiment the experiment
     * @param subject    the subject whose arm is scored
     * @param score      the score
     */
    public void recordScore(String experiment, String subject, double score) {
        Running r = byName.get(experiment);
        if (r == null) {
            throw new IllegalArgumentException("no experiment named '" + experiment + "'");
        }
        if (!Double.isFinite(score)) {
            throw new IllegalArgumentException("score must be finite, was " + score);
        }
        Arm arm = r.arm(choose(r.experiment, subject).name());
        synchronized (arm) {
            // Welford's update keeps the variance exact without storing scores
            arm.scores++;
            double delta = score - arm.scoreMean;
            arm.scoreMean += delta / arm.scores;
            arm.scoreM2 += delta * (score - arm.scoreMean);
        }
    }

    /** Where an experiment stands. @param name the experiment @return its results, if it exists */
    public Optional<ExperimentResults> results(String name) {
        Running r = byName.get(name);
        if (r == null) {
            return Optional.empty();
        }
        Experiment e = r.experiment;
        Experiment.StopRule rule = e.stopRule();
        Snapshot control = r.arm(e.control().name()).snapshot();
        List<VariantResult> out = new ArrayList<>();
        boolean allHaveMin = true;
        boolean anyAtMax = false;
        String winner = null;
        double bestP = 1;
        for (Variant v : e.variants()) {
            Snapshot s = r.arm(v.name()).snapshot();
            allHaveMin &= s.calls >= rule.minSamplesPerVariant();
            anyAtMax |= s.calls >= rule.maxSamplesPerVariant();
            double[] ci = Statistics.wilson(s.successes, s.calls);
            double scoreVar = s.scores > 1 ? s.scoreM2 / (s.scores - 1) : Double.NaN;
            double half = s.scores > 1 ? Statistics.Z95 * Math.sqrt(scoreVar / s.scores) : Double.NaN;
            OptionalDouble pSuccess = OptionalDouble.empty();
            OptionalDouble pScore = OptionalDouble.empty();
            if (!v.name().equals(e.control().name())) {
                double ps = Statistics.twoProportionP(s.successes, s.calls, control.successes, control.calls);
                if (!Double.isNaN(ps)) {
                    pSuccess = OptionalDouble.of(ps);
                }
                double controlVar = control.scores > 1 ? control.scoreM2 / (control.scores - 1) : Double.NaN;
                double pw = Statistics.welchP(s.scoreMean, scoreVar, s.scores, control.scoreMean, controlVar, control.scores);
                if (!Double.isNaN(pw)) {
                    pScore = OptionalDouble.of(pw);
                }
                boolean scored = pScore.isPresent();
                double p = scored ? pScore.getAsDouble() : pSuccess.orElse(1);
                if (p < bestP) {
                    bestP = p;
                    boolean better = scored ? s.scoreMean > control.scoreMean
                            : (double) s.successes / Math.max(1, s.calls) > (double) control.successes / Math.max(1, control.calls);
                    winner = better ? v.name() : e.control().name();
                }
            }
            out.add(new VariantResult(v.name(), s.calls, s.successes, s.calls == 0 ? 0 : (double) s.successes / s.calls,
                    ci[0], ci[1], s.calls == 0 ? 0 : s.latencyMs / s.calls, s.calls == 0 ? 0 : s.cost / s.calls,
                    s.scores, s.scores == 0 ? Double.NaN : s.scoreMean,
                    s.scoreMean - half, s.scoreMean + half, pSuccess, pScore));
        }
        boolean significant = allHaveMin && bestP < rule.alpha();
        String reason;
        if (significant) {
            reason = "significant difference (p=" + String.format("%.4g", bestP) + " < " + rule.alpha() + "), winner " + winner;
        } else if (anyAtMax) {
            reason = "an arm reached " + rule.maxSamplesPerVariant() + " samples without a significant difference";
        } else if (!allHaveMin) {
            reason = "collecting: not every arm has " + rule.minSamplesPerVariant() + " samples";
        } else {
            reason = "no significant difference yet (best p=" + String.format("%.4g", bestP) + ")";
        }
        return Optional.of(new ExperimentResults(name, out, significant || anyAtMax,
                significant ? Optional.of(winner) : Optional.empty(), reason));
    }

    private static double unitHash(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            long v = 0;
            for (int i = 0; i < 7; i++) {
                v = (v << 8) | (d[i] & 0xff);
            }
            return v / (double) (1L << 56);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }

    /**
     * A subject's arm.
     *
     * @param experiment the experiment
     * @param variant    the arm
     */
    public record Assignment(String experiment, Variant variant) {
        /** Validates. */
        public Assignment {
            Objects.requireNonNull(experiment, "experiment");
            Objects.requireNonNull(variant, "variant");
        }
    }

    private static final class Running {
        final Experiment experiment;
        final Map<String, Arm> arms = new ConcurrentHashMap<>();
        final java.util.concurrent.atomic.AtomicLong outcomes = new java.util.concurrent.atomic.AtomicLong();
        volatile boolean stopped;

        Running(Experiment experiment) {
            this.experiment = experiment;
            experiment.variants().forEach(v -> arms.put(v.name(), new Arm()));
        }

        Arm arm(String variant) {
            Arm a = arms.get(variant);
            if (a == null) {
                throw new IllegalArgumentException("experiment '" + experiment.name() + "' has no variant '" + variant + "'");
            }
            return a;
        }
    }

    private static final class Arm {
        long calls;
        long successes;
        double latencyMs;
        double cost;
        long scores;
        double scoreMean;
        double scoreM2;

        synchronized Snapshot snapshot() {
            return new Snapshot(calls, successes, latencyMs, cost, scores, scoreMean, scoreM2);
        }
    }

    private record Snapshot(long calls, long successes, double latencyMs, double cost, long scores, double scoreMean,
                            double scoreM2) {
    }
}
