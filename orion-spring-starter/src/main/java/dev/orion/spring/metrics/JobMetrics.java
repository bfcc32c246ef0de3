package dev.orion.spring.metrics;

import dev.orion.engine.JobEvent;
import dev.orion.engine.JobListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Jobs by state and duration, from the job events of every tenant's job service in this JVM:
 * <ul>
 *   <li>{@code orion.jobs} (gauge, {@code state=submitted|queued|running}): jobs in that state now;</li>
 *   <li>{@code orion.jobs.duration} (timer, {@code state=succeeded|failed|cancelled}): submission to end;</li>
 *   <li>{@code orion.jobs.events} (counter, {@code type}): every event (submitted, started, retried, reused, ...).</li>
 * </ul>
 * The tenant is no tag (a label per tenant would not scale); per-tenant figures are in the job store. Registered by
 * {@link OrionMetricsAutoConfiguration} and given to {@code Orion} as a job listener.
 */
public final class JobMetrics implements JobListener {

    /** The gauge of jobs by state. */
    public static final String JOBS = "orion.jobs";
    /** The timer of finished jobs. */
    public static final String DURATION = "orion.jobs.duration";
    /** The counter of job events. */
    public static final String EVENTS = "orion.jobs.events";
    /** Jobs followed at most, so that jobs whose end another JVM saw cannot fill the memory. */
    private static final int MAX_FOLLOWED = 100_000;

    private record Followed(String state, Instant since) {
    }

    private final MeterRegistry registry;
    private final Map<String, Followed> followed = new ConcurrentHashMap<>();

    /** @param registry where the meters go */
    public JobMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (String state : new String[] {"submitted", "queued", "running"}) {
            Gauge.builder(JOBS, followed, m -> m.values().stream().filter(f -> f.state().equals(state)).count())
                    .description("jobs in a state now (of the jobs this JVM follows)").tag("state", state).register(registry);
        }
    }

    @Override
    public void onEvent(JobEvent event) {
        String type = event.type().name().toLowerCase(Locale.ROOT);
        Counter.builder(EVENTS).description("job events").tag("type", type).register(registry).increment();
        String key = event.tenant() + "/" + event.jobId();
        switch (event.type()) {
            case SUBMITTED -> follow(key, "submitted", event.at());
            case QUEUED, RETRIED, RECOVERED -> move(key, "queued", event.at());
            case STARTED -> move(key, "running", event.at());
            case SUCCEEDED, FAILED, CANCELLED -> {
                Followed f = followed.remove(key);
                if (f != null) {
                    Timer.builder(DURATION).description("jobs from submission to end").tag("state", type)
                            .register(registry).record(Duration.between(f.since(), event.at()));
                }
            }
            case REUSED -> followed.remove(key);
        }
    }

    private void follow(String key, String state, Instant at) {
        if (followed.size() < MAX_FOLLOWED) {
            followed.put(key, new Followed(state, at));
        }
    }

    private void move(String key, String state, Instant at) {
        Followed before = followed.get(key);
        if (before == null) {
            follow(key, state, at);
        } else {
            followed.put(key, new Followed(state, before.since()));
        }
    }

    @Override
    public String toString() {
        return "JobMetrics[following " + followed.size() + " jobs]";
    }
}
