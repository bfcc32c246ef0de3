package dev.orion.store;

import dev.orion.tenant.ProjectId;
import java.util.Objects;
import java.util.Optional;

/**
 * What to store for a new job; it starts in {@link JobStatus#SUBMITTED}.
 *
 * @param project        the project, if any
 * @param engine         the engine name
 * @param executor       the executor name
 * @param inputJson      the calculation as JSON
 * @param structureId    the input structure, if stored
 * @param idempotencyKey if present, the tenant keeps at most one job with this key: creating a job
 *                       with a key the tenant already has returns that job instead (1-200 characters)
 */
public record NewJob(Optional<ProjectId> project, String engine, String executor, String inputJson,
                     Optional<String> structureId, Optional<String> idempotencyKey) {

    /** Validates. */
    public NewJob {
        Objects.requireNonNull(project, "project");
        StoreArguments.text("engine", engine, 100);
        StoreArguments.text("executor", executor, 100);
        Objects.requireNonNull(inputJson, "inputJson");
        Objects.requireNonNull(structureId, "structureId");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        idempotencyKey.ifPresent(k -> StoreArguments.text("idempotencyKey", k, 200));
    }

    /**
     * @param engine    the engine name
     * @param executor  the executor name
     * @param inputJson the calculation as JSON
     * @return a job without project, structure or idempotency key
     */
    public static NewJob of(String engine, String executor, String inputJson) {
        return new NewJob(Optional.empty(), engine, executor, inputJson, Optional.empty(), Optional.empty());
    }

    /** @param p the project  @return a copy in project {@code p} */
    public NewJob inProject(ProjectId p) {
        return new NewJob(Optional.of(p), engine, executor, inputJson, structureId, idempotencyKey);
    }

    /** @param id the input structure id  @return a copy referring to it */
    public NewJob onStructure(String id) {
        return new NewJob(project, engine, executor, inputJson, Optional.of(id), idempotencyKey);
    }

    /** @param key the idempotency key (1-200 characters)  @return a copy carrying it */
    public NewJob withIdempotencyKey(String key) {
        return new NewJob(project, engine, executor, inputJson, structureId, Optional.of(key));
    }
}
