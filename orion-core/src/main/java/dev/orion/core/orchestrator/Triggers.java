package dev.orion.core.orchestrator;

import dev.orion.core.OrionTenant;
import dev.orion.store.ObservationRecord;
import dev.orion.store.OrchestratorMode;
import dev.orion.store.OrchestratorRun;
import dev.orion.store.OrchestratorRunStatus;
import dev.orion.store.OrchestratorSettings;
import dev.orion.store.Page;
import dev.orion.store.PageRequest;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/** Decides whether, and why, a campaign is due for a run; pure apart from the counts it is given. */
final class Triggers {

    /** The trigger of a run that finishes the work of an orchestrator that died holding the lease. */
    static final String RESUME = "resume";
    static final String MANUAL = "manual";

    private Triggers() {
    }

    /**
     * @param s            the campaign's settings
     * @param last         its latest run
     * @param observations how many observations it has now
     * @param signals      how many experiments have finished
     * @param queueIdle    whether the job queue is idle (asked only when that trigger is on)
     * @param now          the time
     * @return the trigger that makes it due, if any
     */
    static Optional<String> due(OrchestratorSettings s, Optional<OrchestratorRun> last, long observations, long signals,
                                BooleanSupplier queueIdle, Instant now) {
        if (!s.active()) {
            return Optional.empty();
        }
        if (last.map(r -> r.status() == OrchestratorRunStatus.RUNNING).orElse(false)) {
            return Optional.of(RESUME);
        }
        if (s.mode() == OrchestratorMode.CONTINUOUS) {
            return Optional.of("continuous");
        }
        if (s.mode() == OrchestratorMode.SCHEDULED
                && last.map(r -> !now.isBefore(r.startedAt().plus(s.interval().orElseThrow()))).orElse(true)) {
            return Optional.of("schedule");
        }
        if (s.at().isPresent() && !now.isBefore(s.at().get())
                && last.map(r -> r.startedAt().isBefore(s.at().get())).orElse(true)) {
            return Optional.of("time");
        }
        // the baseline is the count after the last run: what its own step evaluated does not trigger the next one
        long seenObservations = last.map(r -> r.observationsSeen() + r.result().map(OrchestratorRun.StepRecord::evaluations).orElse(0))
                .orElse(0L);
        if (s.afterObservations() > 0 && observations - seenObservations >= s.afterObservations()) {
            return Optional.of("observations");
        }
        if (s.afterExperiment() && signals > last.map(OrchestratorRun::signalsSeen).orElse(0L)) {
            return Optional.of("experiment");
        }
        if (s.whenQueueIdle() && queueIdle.getAsBoolean()) {
            return Optional.of("idle-queue");
        }
        return Optional.empty();
    }

    /** @param tenant tenant  @param campaignId campaign  @return how many observations the campaign has stored */
    static long observationCount(OrionTenant tenant, String campaignId) {
        long n = 0;
        PageRequest page = PageRequest.first(PageRequest.MAX_LIMIT);
        while (true) {
            Page<ObservationRecord> p = tenant.campaigns().observations(campaignId, page);
            n += p.items().size();
            if (!p.hasNext()) {
                return n;
            }
            page = p.next(page);
        }
    }
}
