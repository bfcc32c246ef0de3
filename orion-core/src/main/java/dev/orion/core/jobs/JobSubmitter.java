package dev.orion.core.jobs;

import dev.orion.InvalidCalculationException;
import dev.orion.engine.AtomisticCalculation;
import dev.orion.engine.Engine;
import dev.orion.engine.JobEvent;
import dev.orion.engine.JobRequest;
import dev.orion.engine.ProgramEngine;
import dev.orion.io.json.StructureJson;
import dev.orion.store.ConflictException;
import dev.orion.store.JobCreation;
import dev.orion.store.JobFilter;
import dev.orion.store.JobRecord;
import dev.orion.store.JobStatus;
import dev.orion.store.NewJob;
import dev.orion.store.NewWorkItem;
import dev.orion.store.PageRequest;
import dev.orion.store.ProvenanceLink;
import dev.orion.store.ResourceRef;
import dev.orion.store.TenantStores;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The submission side of the job service: validates a request, answers it from an earlier job
 * (same idempotency key with the same calculation, or an identical calculation that already succeeded;
 * the same key with another calculation is refused), or stores the new
 * job with its provenance and enqueues it. Nothing is stored for a calculation the engine refuses;
 * at start-up it enqueues the stored jobs a dead JVM may not have enqueued.
 */
final class JobSubmitter {

    private final JobService s;
    /** Wakes this JVM's queue worker, so that a new job does not wait for the next poll. */
    private final Runnable wake;

    JobSubmitter(JobService service, Runnable wake) {
        this.s = service;
        this.wake = wake;
    }

    JobRecord submit(JobRequest request) {
        TenantStores stores = s.stores;
        Engine engine = s.engine(request.engine());
        String executor = engine instanceof ProgramEngine ? request.executor().orElse(s.defaultExecutor) : "in-process";
        if (engine instanceof ProgramEngine && !s.executors.containsKey(executor)) {
            throw new IllegalArgumentException("executor '" + executor + "' is not configured; have " + s.executors.keySet());
        }
        List<String> problems = engine.validate(request.calculation());
        if (!problems.isEmpty()) {
            throw new InvalidCalculationException(engine.name(), problems);
        }
        List<Path> files = engine.referencedFiles(request.calculation());
        String hash = JobInput.contentHash(request.calculation(), engine.name(), engine.version(), files);
        ResourceRef content = ResourceRef.of("calculation", hash);
        if (request.idempotencyKey().isPresent()) {
            Optional<JobRecord> earlier = stores.jobs().findByIdempotencyKey(request.idempotencyKey().get());
            if (earlier.isPresent()) {
                return sameCalculation(earlier.get(), hash);
            }
        }
        if (request.reuseResults()) {
            Optional<JobRecord> done = succeededWith(content);
            if (done.isPresent()) {
                s.emit(done.get().id(), JobEvent.Type.REUSED, "identical calculation " + hash.substring(0, 12));
                return done.get();
            }
        }
        JobInput input = new JobInput(request.calculation(), request.resources(), hash);
        NewJob newJob = NewJob.of(engine.name(), executor, input.toJson());
        if (request.idempotencyKey().isPresent()) {
            newJob = newJob.withIdempotencyKey(request.idempotencyKey().get());
        }
        JobCreation creation = stores.jobs().createIfAbsent(newJob);
        JobRecord job = creation.job();
        if (!creation.created()) {
            // a concurrent submit with this key won: it links and enqueues the job
            return sameCalculation(job, hash);
        }
        var provenance = stores.provenance();
        ResourceRef self = ResourceRef.of("job", job.id());
        provenance.link(self, "has-content-hash", content);
        provenance.link(self, "computed-by", ResourceRef.of("engine", engine.name() + "@" + engine.version()));
        if (request.calculation() instanceof AtomisticCalculation atomistic) {
            provenance.link(self, "on-structure", ResourceRef.of("structure-sha256",
                    JobInput.sha256(StructureJson.toJson(atomistic.structure()))));
        }
        for (Path f : files) {
            provenance.link(self, "reads-file", ResourceRef.of("file-sha256", JobInput.sha256(f)));
        }
        stores.workQueue().enqueue(workItem(job.id()));
        s.emit(job.id(), JobEvent.Type.SUBMITTED, engine.name() + " on " + executor);
        wake.run();
        return job;
    }

    /**
     * Gives every unfinished job its work item: a JVM may have died between storing a job and
     * enqueueing it. Enqueueing is idempotent, so jobs already queued are left as they are.
     */
    void enqueueUnfinished() {
        JobFilter open = JobFilter.all().withStatus(JobStatus.SUBMITTED, JobStatus.QUEUED, JobStatus.RUNNING);
        PageRequest page = PageRequest.first(500);
        while (true) {
            var found = s.stores.jobs().query(open, page);
            for (JobRecord j : found.items()) {
                s.stores.workQueue().enqueue(workItem(j.id()));
            }
            if (found.nextCursor().isEmpty()) {
                break;
            }
            page = page.after(found.nextCursor().get());
        }
    }

    private static NewWorkItem workItem(String jobId) {
        return NewWorkItem.of(JobService.QUEUE, jobId).withIdempotencyKey("job:" + jobId).withMaxAttempts(1000)
                .withBackoff(Duration.ZERO);
    }

    /**
     * An idempotency key names one calculation: a retry gets the earlier job, a different calculation
     * under the same key is a caller's mistake that would otherwise silently return the wrong job.
     */
    private static JobRecord sameCalculation(JobRecord earlier, String contentHash) {
        String key = earlier.idempotencyKey().orElseThrow();
        if (!JobInput.storedContentHash(earlier.inputJson()).equals(contentHash)) {
            throw new ConflictException("idempotency key '" + key + "' was already used by job " + earlier.id()
                    + " for a different calculation (content hash " + contentHash.substring(0, 12) + " differs); use a new key");
        }
        return earlier;
    }

    private Optional<JobRecord> succeededWith(ResourceRef content) {
        for (ProvenanceLink link : s.stores.provenance().linksTo(content)) {
            Optional<JobRecord> j = s.stores.jobs().find(link.subject().id());
            if (j.isPresent() && j.get().status() == JobStatus.SUCCEEDED) {
                return j;
            }
        }
        return Optional.empty();
    }
}
