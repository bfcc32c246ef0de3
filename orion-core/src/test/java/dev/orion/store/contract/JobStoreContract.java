package dev.orion.store.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orion.store.CampaignFilter;
import dev.orion.store.CampaignRecord;
import dev.orion.store.CampaignStatus;
import dev.orion.store.CampaignStore;
import dev.orion.store.ConflictException;
import dev.orion.store.JobFilter;
import dev.orion.store.JobRecord;
import dev.orion.store.JobStatus;
import dev.orion.store.JobStore;
import dev.orion.store.JobTransition;
import dev.orion.store.NewCampaign;
import dev.orion.store.NewJob;
import dev.orion.store.NewObservation;
import dev.orion.store.NotFoundException;
import dev.orion.store.ObservationRecord;
import dev.orion.store.PageRequest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The contract of {@link dev.orion.store.JobStore}: lifecycle compare-and-set, filters. */
public abstract class JobStoreContract extends ContractSupport {


    @Test
    void jobLifecycleIsCompareAndSet() {
        JobStore jobs = newTenant().jobs();
        JobRecord j = jobs.create(NewJob.of("lammps", "local", "{\"steps\":100}").onStructure("s-1"));
        assertThat(j.status()).isEqualTo(JobStatus.SUBMITTED);
        JobRecord q = jobs.transition(j.id(), JobTransition.of(JobStatus.SUBMITTED, JobStatus.QUEUED).withExternalId("slurm-77"));
        clock().advance(Duration.ofMinutes(1));
        JobRecord r = jobs.transition(j.id(), JobTransition.of(JobStatus.QUEUED, JobStatus.RUNNING));
        assertThat(r.startedAt()).contains(Backends.T0.plusSeconds(60));
        assertThat(r.externalId()).contains("slurm-77");
        assertThatThrownBy(() -> jobs.transition(j.id(), JobTransition.of(JobStatus.QUEUED, JobStatus.RUNNING)))
                .isInstanceOf(ConflictException.class);
        JobRecord done = jobs.transition(j.id(), JobTransition.succeeded(JobStatus.RUNNING, "{\"energy\":-3.5}"));
        assertThat(done.resultJson()).contains("{\"energy\":-3.5}");
        assertThat(done.finishedAt()).isPresent();
        assertThat(done.version()).isEqualTo(q.version() + 2);
        assertThat(jobs.find(j.id()).orElseThrow()).isEqualTo(done);
        assertThatThrownBy(() -> jobs.transition("nope", JobTransition.of(JobStatus.SUBMITTED, JobStatus.QUEUED)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> JobTransition.of(JobStatus.SUCCEEDED, JobStatus.RUNNING)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void jobQueriesFilterByStatusAndEngine() {
        JobStore jobs = newTenant().jobs();
        for (int i = 0; i < 10; i++) {
            JobRecord j = jobs.create(NewJob.of(i < 4 ? "qe" : "lammps", "local", "{}"));
            if (i % 2 == 0) {
                jobs.transition(j.id(), JobTransition.failed(JobStatus.SUBMITTED, "boom"));
            }
        }
        assertThat(jobs.count(JobFilter.all())).isEqualTo(10);
        assertThat(jobs.count(JobFilter.all().withStatus(JobStatus.FAILED))).isEqualTo(5);
        assertThat(jobs.count(JobFilter.all().withStatus(JobStatus.FAILED, JobStatus.SUBMITTED).withEngine("qe"))).isEqualTo(4);
        assertThat(jobs.query(JobFilter.all().withEngine("lammps"), PageRequest.first(100)).items()).hasSize(6)
                .allMatch(j -> j.engine().equals("lammps"));
    }
}
