package dev.orion.store;

import dev.orion.tenant.ProjectId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A stored simulation job.
 *
 * @param id          the id assigned by the store
 * @param project     the project, if any
 * @param engine      the engine name, e.g. {@code "lammps"}
 * @param executor    the executor name, e.g. {@code "local"} or {@code "slurm"}
 * @param inputJson   the calculation as JSON (opaque to the store)
 * @param structureId the input structure, if stored
 * @param idempotencyKey the key it was created with, if any (unique per tenant)
 * @param status      the lifecycle state
 * @param externalId  the executor's id (e.g. the SLURM job id), once known
 * @param resultJson  the result as JSON, once succeeded
 * @param error       the failure message, once failed
 * @param createdAt   when submitted
 * @param updatedAt   when last changed
 * @param startedAt   when it started running
 * @param finishedAt  when it reached a terminal state
 * @param version     incremented on every change
 */
public record JobRecord(String id, Optional<ProjectId> project, String engine, String executor, String inputJson,
                        Optional<String> structureId, Optional<String> idempotencyKey, JobStatus status, Optional<String> externalId,
                        Optional<String> resultJson, Optional<String> error, Instant createdAt, Instant updatedAt,
                        Optional<Instant> startedAt, Optional<Instant> finishedAt, long version) {

    /** Validates. */
    public JobRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(executor, "executor");
        Objects.requireNonNull(inputJson, "inputJson");
        Objects.requireNonNull(structureId, "structureId");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(externalId, "externalId");
        Objects.requireNonNull(resultJson, "resultJson");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
    }
}
