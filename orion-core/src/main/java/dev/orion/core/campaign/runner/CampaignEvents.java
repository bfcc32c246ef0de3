package dev.orion.core.campaign.runner;

import dev.orion.campaign.Observation;
import dev.orion.campaign.Proposal;
import dev.orion.store.CampaignRecord;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.SubmissionPublisher;

/**
 * The steps of one campaign run as a {@link Flow.Publisher} of {@link CampaignEvent}s: register it as a
 * listener, subscribe before the run starts (a late subscriber misses what was published before it), and each
 * subscriber receives the events in order on the given executor, then {@code onComplete} after
 * {@link CampaignEvent.Stopped}. It is backed by a {@link SubmissionPublisher}: when a subscriber's buffer is
 * full the runner waits for it, so a slow consumer slows the campaign rather than losing events. A run that
 * fails with an exception sends no {@code Stopped}; {@link #close()} (try-with-resources) then completes the
 * subscribers. One instance serves one run.
 *
 * <pre>{@code
 * try (CampaignEvents events = CampaignEvents.create()) {
 *     events.subscribe(subscriber);
 *     CampaignRunner.builder(tenant)....listener(events).build().run();
 * }
 * }</pre>
 */
public final class CampaignEvents implements CampaignListener, Flow.Publisher<CampaignEvent>, AutoCloseable {

    private final SubmissionPublisher<CampaignEvent> publisher;

    private CampaignEvents(Executor executor, int bufferCapacity) {
        this.publisher = new SubmissionPublisher<>(executor, bufferCapacity);
    }

    /** @return events delivered on the common fork-join pool, {@link Flow#defaultBufferSize()} buffered per subscriber */
    public static CampaignEvents create() {
        return new CampaignEvents(ForkJoinPool.commonPool(), Flow.defaultBufferSize());
    }

    /**
     * @param executor       the executor that delivers events to subscribers
     * @param bufferCapacity the most events buffered per subscriber (&gt;= 1, rounded up to a power of two)
     * @return events delivered on {@code executor}
     * @throws IllegalArgumentException if the capacity is below 1
     */
    public static CampaignEvents create(Executor executor, int bufferCapacity) {
        Objects.requireNonNull(executor, "executor");
        if (bufferCapacity < 1) {
            throw new IllegalArgumentException("bufferCapacity must be >= 1, got " + bufferCapacity);
        }
        return new CampaignEvents(executor, bufferCapacity);
    }

    @Override
    public void subscribe(Flow.Subscriber<? super CampaignEvent> subscriber) {
        publisher.subscribe(Objects.requireNonNull(subscriber, "subscriber"));
    }

    @Override
    public void started(CampaignRecord campaign, boolean resumed) {
        publisher.submit(new CampaignEvent.Started(campaign, resumed));
    }

    @Override
    public void proposed(int iteration, List<Proposal> proposals) {
        publisher.submit(new CampaignEvent.Proposed(iteration, proposals));
    }

    @Override
    public void observed(int iteration, Observation observation, Optional<String> jobId, Optional<Observation> best) {
        publisher.submit(new CampaignEvent.Observed(iteration, observation, jobId, best));
    }

    /** Publishes {@link CampaignEvent.Stopped}, then completes every subscriber. */
    @Override
    public void stopped(CampaignOutcome outcome) {
        publisher.submit(new CampaignEvent.Stopped(outcome));
        publisher.close();
    }

    /** Completes every subscriber once the events already published are delivered; does nothing if already closed. */
    @Override
    public void close() {
        publisher.close();
    }
}
