package dev.orion.spring.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orion.engine.JobEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class JobMetricsTest {

    private final MeterRegistry registry = new SimpleMeterRegistry();
    private final JobMetrics metrics = new JobMetrics(registry);
    private final Instant t0 = Instant.parse("2026-01-01T00:00:00Z");

    private void event(String tenant, String job, JobEvent.Type type, long second) {
        metrics.onEvent(new JobEvent(tenant, job, type, "", t0.plusSeconds(second)));
    }

    private double jobs(String state) {
        return registry.get(JobMetrics.JOBS).tag("state", state).gauge().value();
    }

    @Test
    void jobsMoveThroughTheStateGaugesAndAreTimedFromSubmissionToTheirEnd() {
        event("acme", "j1", JobEvent.Type.SUBMITTED, 0);
        event("acme", "j2", JobEvent.Type.SUBMITTED, 0);
        event("globex", "j1", JobEvent.Type.SUBMITTED, 0);
        assertThat(jobs("submitted")).isEqualTo(3);
        event("acme", "j1", JobEvent.Type.QUEUED, 1);
        event("acme", "j1", JobEvent.Type.STARTED, 2);
        assertThat(jobs("submitted")).isEqualTo(2);
        assertThat(jobs("running")).isEqualTo(1);
        event("acme", "j1", JobEvent.Type.SUCCEEDED, 12);
        event("acme", "j2", JobEvent.Type.CANCELLED, 3);
        assertThat(jobs("running")).isZero();
        // the same job id in another tenant is another job
        assertThat(jobs("submitted")).isEqualTo(1);
        assertThat(registry.get(JobMetrics.DURATION).tag("state", "succeeded").timer().totalTime(TimeUnit.SECONDS)).isEqualTo(12);
        assertThat(registry.get(JobMetrics.DURATION).tag("state", "cancelled").timer().count()).isEqualTo(1);
        assertThat(registry.get(JobMetrics.EVENTS).tag("type", "submitted").counter().count()).isEqualTo(3);
    }

    @Test
    void anEndWithoutASeenSubmissionIsCountedButNotTimed() {
        event("acme", "elsewhere", JobEvent.Type.FAILED, 5);
        assertThat(registry.find(JobMetrics.DURATION).timer()).isNull();
        assertThat(registry.get(JobMetrics.EVENTS).tag("type", "failed").counter().count()).isEqualTo(1);
        event("acme", "retried", JobEvent.Type.RETRIED, 1);
        assertThat(jobs("queued")).isEqualTo(1);
        event("acme", "retried", JobEvent.Type.REUSED, 2);
        assertThat(jobs("queued")).isZero();
    }
}
