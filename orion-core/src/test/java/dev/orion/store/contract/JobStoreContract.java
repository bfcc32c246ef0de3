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
import dev.orion.store.AuditFilter;
import dev.orion.store.JobCreation;
import dev.orion.store.TenantStores;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The contract of {@link dev.orion.store.JobStore}: lifecycle compare-and-set, filters, idempotency keys. */
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

    @Test
    void anIdempotencyKeyReturnsTheExistingJobAndAuditsOnlyTheCreation() {
        TenantStores t = newTenant();
        JobStore jobs = t.jobs();
        JobCreation first = jobs.createIfAbsent(NewJob.of("lammps", "local", "{\"steps\":1}").withIdempotencyKey("run-7"));
        assertThat(first.created()).isTrue();
        assertThat(first.job().idempotencyKey()).contains("run-7");
        long audited = auditCount(t);
        JobRecord failed = jobs.transition(first.job().id(), JobTransition.failed(JobStatus.SUBMITTED, "boom"));

        JobCreation again = jobs.createIfAbsent(NewJob.of("qe", "slurm", "{\"other\":true}").withIdempotencyKey("run-7"));
        assertThat(again.created()).isFalse();
        assertThat(again.job()).as("the existing job in its current state").isEqualTo(failed);
        assertThat(jobs.create(NewJob.of("qe", "slurm", "{}").withIdempotencyKey("run-7"))).isEqualTo(failed);
        assertThat(auditCount(t)).as("only the transition was audited since the creation").isEqualTo(audited + 1);
        assertThat(jobs.findByIdempotencyKey("run-7")).contains(failed);
        assertThat(jobs.findByIdempotencyKey("run-8")).isEmpty();
        assertThat(jobs.count(JobFilter.all())).isEqualTo(1);
    }

    @Test
    void jobsWithoutAKeyAreNeverMerged() {
        JobStore jobs = newTenant().jobs();
        JobCreation a = jobs.createIfAbsent(NewJob.of("lammps", "local", "{}"));
        JobCreation b = jobs.createIfAbsent(NewJob.of("lammps", "local", "{}"));
        JobRecord keyed = jobs.create(NewJob.of("lammps", "local", "{}").withIdempotencyKey("k"));
        assertThat(a.created()).isTrue();
        assertThat(b.created()).isTrue();
        assertThat(a.job().idempotencyKey()).isEmpty();
        assertThat(jobs.find(a.job().id()).orElseThrow().idempotencyKey()).isEmpty();
        assertThat(jobs.find(keyed.id()).orElseThrow().idempotencyKey()).contains("k");
        assertThat(jobs.count(JobFilter.all())).isEqualTo(3);
        assertThatThrownBy(() -> NewJob.of("lammps", "local", "{}").withIdempotencyKey(" "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("idempotencyKey");
        assertThatThrownBy(() -> NewJob.of("lammps", "local", "{}").withIdempotencyKey("k".repeat(201)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("idempotencyKey");
    }

    @Test
    void idempotencyKeysArePerTenant() {
        TenantStores a = newTenant();
        TenantStores b = newTenant();
        JobRecord ja = a.jobs().create(NewJob.of("lammps", "local", "{}").withIdempotencyKey("shared"));
        assertThat(b.jobs().findByIdempotencyKey("shared")).as("another tenant's key is invisible").isEmpty();
        JobCreation jb = b.jobs().createIfAbsent(NewJob.of("qe", "local", "{}").withIdempotencyKey("shared"));
        assertThat(jb.created()).isTrue();
        assertThat(jb.job().id()).isNotEqualTo(ja.id());
        assertThat(a.jobs().findByIdempotencyKey("shared").map(JobRecord::id)).contains(ja.id());
        assertThat(b.jobs().findByIdempotencyKey("shared").map(JobRecord::id)).contains(jb.job().id());
    }

    @Test
    void concurrentCreatesWithOneKeyStoreOneJob() throws Exception {
        TenantStores t = newTenant();
        int keys = 25;
        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int k = 0; k < keys; k++) {
                String key = "race-" + k;
                CountDownLatch go = new CountDownLatch(1);
                List<Future<JobCreation>> results = new ArrayList<>();
                for (int i = 0; i < threads; i++) {
                    String engine = "e" + i;
                    results.add(pool.submit(() -> {
                        JobStore jobs = backend().stores().tenant(t.tenant(), t.actor()).jobs();
                        go.await();
                        return jobs.createIfAbsent(NewJob.of(engine, "local", "{}").withIdempotencyKey(key));
                    }));
                }
                go.countDown();
                List<JobCreation> done = new ArrayList<>();
                for (Future<JobCreation> f : results) {
                    done.add(f.get());
                }
                assertThat(done).as("key %s", key).filteredOn(JobCreation::created).hasSize(1);
                assertThat(done.stream().map(c -> c.job().id()).distinct()).as("key %s", key).hasSize(1);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(t.jobs().count(JobFilter.all())).isEqualTo(keys);
        assertThat(t.audit().count(AuditFilter.all().withAction("create"))).isEqualTo(keys);
    }
}
