package dev.orion.store;

import dev.orion.tenant.ProjectId;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Selects jobs; empty fields match everything.
 *
 * @param project  only this project
 * @param statuses only these states (empty set: any)
 * @param engine   only this engine
 */
public record JobFilter(Optional<ProjectId> project, Set<JobStatus> statuses, Optional<String> engine) {

    /** Validates and copies. */
    public JobFilter {
        Objects.requireNonNull(project, "project");
        statuses = Set.copyOf(statuses);
        Objects.requireNonNull(engine, "engine");
    }

    /** @return a filter matching every job */
    public static JobFilter all() {
        return new JobFilter(Optional.empty(), Set.of(), Optional.empty());
    }

    /** @param p project  @return narrowed filter */
    public JobFilter withProject(ProjectId p) {
        return new JobFilter(Optional.of(p), statuses, engine);
    }

    /** @param s states  @return narrowed filter */
    public JobFilter withStatus(JobStatus... s) {
        return new JobFilter(project, Set.of(s), engine);
    }

    /** @param e engine  @return narrowed filter */
    public JobFilter withEngine(String e) {
        return new JobFilter(project, statuses, Optional.of(e));
    }
}
