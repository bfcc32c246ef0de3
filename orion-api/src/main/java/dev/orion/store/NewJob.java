package dev.orion.store;

import dev.orion.tenant.ProjectId;
import java.util.Objects;
import java.util.Optional;

/**
 * What to store for a new job; it starts in {@link JobStatus#SUBMITTED}.
 *
 * @param project     the project, if any
 * @param engine      the engine name
 * @param executor    the executor name
 * @param inputJson   the calculation as JSON
 * @param structureId the input structure, if stored
 */
public record NewJob(Optional<ProjectId> project, String engine, String executor, String inputJson,
                     Optional<String> structureId) {

    /** Validates. */
    public NewJob {
        Objects.requireNonNull(project, "project");
        StoreArguments.text("engine", engine, 100);
        StoreArguments.text("executor", executor, 100);
        Objects.requireNonNull(inputJson, "inputJson");
        Objects.requireNonNull(structureId, "structureId");
    }

    /**
     * @param engine    the engine name
     * @param executor  the executor name
     * @param inputJson the calculation as JSON
     * @return a job without project or structure
     */
    public static NewJob of(String engine, String executor, String inputJson) {
        return new NewJob(Optional.empty(), engine, executor, inputJson, Optional.empty());
    }

    /** @param p the project  @return a copy in project {@code p} */
    public NewJob inProject(ProjectId p) {
        return new NewJob(Optional.of(p), engine, executor, inputJson, structureId);
    }

    /** @param id the input structure id  @return a copy referring to it */
    public NewJob onStructure(String id) {
        return new NewJob(project, engine, executor, inputJson, Optional.of(id));
    }
}
