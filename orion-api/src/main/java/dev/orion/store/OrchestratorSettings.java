package dev.orion.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How the orchestrator drives one campaign: its mode and the triggers that start a run in any mode.
 *
 * <pre>{@code
 * OrchestratorSettings.scheduled(campaignId, Duration.ofHours(1)).triggerAfterObservations(5).triggerAfterExperiment()
 * }</pre>
 *
 * @param campaignId        the campaign
 * @param mode              the mode
 * @param interval          the interval of {@link OrchestratorMode#SCHEDULED} (required then, absent otherwise)
 * @param afterObservations run once this many observations were added since the last run (0: off)
 * @param at                run once at this time (if the last run started before it)
 * @param whenQueueIdle     run when the tenant's job queue has nothing pending or running
 * @param afterExperiment   run when an experiment finished since the last run
 * @param active            whether the orchestrator advances the campaign at all
 */
public record OrchestratorSettings(String campaignId, OrchestratorMode mode, Optional<Duration> interval,
                                   int afterObservations, Optional<Instant> at, boolean whenQueueIdle,
                                   boolean afterExperiment, boolean active) {

    /** Validates. */
    public OrchestratorSettings {
        StoreArguments.text("campaignId", campaignId, 100);
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(interval, "interval");
        if ((mode == OrchestratorMode.SCHEDULED) != interval.isPresent()) {
            throw new IllegalArgumentException("interval must be given exactly for SCHEDULED, got " + mode + " with " + interval);
        }
        interval.ifPresent(i -> {
            if (i.compareTo(Duration.ofSeconds(1)) < 0) {
                throw new IllegalArgumentException("interval must be >= 1 s, got " + i);
            }
        });
        if (afterObservations < 0) {
            throw new IllegalArgumentException("afterObservations must be >= 0, got " + afterObservations);
        }
        Objects.requireNonNull(at, "at");
    }

    /** @param campaignId campaign  @return active settings that run only when asked or triggered */
    public static OrchestratorSettings manual(String campaignId) {
        return new OrchestratorSettings(campaignId, OrchestratorMode.MANUAL, Optional.empty(), 0, Optional.empty(), false, false, true);
    }

    /** @param campaignId campaign  @param interval how often  @return active scheduled settings */
    public static OrchestratorSettings scheduled(String campaignId, Duration interval) {
        return new OrchestratorSettings(campaignId, OrchestratorMode.SCHEDULED, Optional.of(interval), 0, Optional.empty(),
                false, false, true);
    }

    /** @param campaignId campaign  @return active continuous settings */
    public static OrchestratorSettings continuous(String campaignId) {
        return new OrchestratorSettings(campaignId, OrchestratorMode.CONTINUOUS, Optional.empty(), 0, Optional.empty(),
                false, false, true);
    }

    /** @param n observations (&gt;= 1)  @return a copy that also runs after {@code n} new observations */
    public OrchestratorSettings triggerAfterObservations(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("afterObservations must be >= 1, got " + n);
        }
        return new OrchestratorSettings(campaignId, mode, interval, n, at, whenQueueIdle, afterExperiment, active);
    }

    /** @param time when  @return a copy that also runs once at {@code time} */
    public OrchestratorSettings triggerAt(Instant time) {
        return new OrchestratorSettings(campaignId, mode, interval, afterObservations, Optional.of(time), whenQueueIdle,
                afterExperiment, active);
    }

    /** @return a copy that also runs whenever the job queue is idle */
    public OrchestratorSettings triggerWhenQueueIdle() {
        return new OrchestratorSettings(campaignId, mode, interval, afterObservations, at, true, afterExperiment, active);
    }

    /** @return a copy that also runs after a finished experiment */
    public OrchestratorSettings triggerAfterExperiment() {
        return new OrchestratorSettings(campaignId, mode, interval, afterObservations, at, whenQueueIdle, true, active);
    }

    /** @param on whether active  @return a copy with that */
    public OrchestratorSettings withActive(boolean on) {
        return new OrchestratorSettings(campaignId, mode, interval, afterObservations, at, whenQueueIdle, afterExperiment, on);
    }
}
