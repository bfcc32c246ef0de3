package dev.orion.store;

import dev.orion.tenant.ProjectId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Selects usage records; empty fields match everything. Times are half-open.
 *
 * @param project only this project
 * @param runId   only this run
 * @param feature only this feature
 * @param kind    only this kind
 * @param from    at or after
 * @param to      before
 */
public record UsageFilter(Optional<ProjectId> project, Optional<String> runId, Optional<String> feature,
                          Optional<UsageKind> kind, Optional<Instant> from, Optional<Instant> to) {

    /** Validates. */
    public UsageFilter {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(feature, "feature");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }

    /** @return a filter matching every record */
    public static UsageFilter all() {
        return new UsageFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    /** @param v project @return narrowed filter */
    public UsageFilter withProject(ProjectId v) {
        return new UsageFilter(Optional.of(v), runId, feature, kind, from, to);
    }

    /** @param v run @return narrowed filter */
    public UsageFilter withRunId(String v) {
        return new UsageFilter(project, Optional.of(v), feature, kind, from, to);
    }

    /** @param v feature @return narrowed filter */
    public UsageFilter withFeature(String v) {
        return new UsageFilter(project, runId, Optional.of(v), kind, from, to);
    }

    /** @param v kind @return narrowed filter */
    public UsageFilter withKind(UsageKind v) {
        return new UsageFilter(project, runId, feature, Optional.of(v), from, to);
    }

    /** @param start inclusive @param end exclusive @return narrowed filter */
    public UsageFilter between(Instant start, Instant end) {
        return new UsageFilter(project, runId, feature, kind, Optional.of(start), Optional.of(end));
    }

    /** @param r a record  @return whether this filter selects it */
    public boolean matches(UsageRecord r) {
        return (project.isEmpty() || project.equals(r.project()))
                && (runId.isEmpty() || runId.equals(r.runId()))
                && (feature.isEmpty() || feature.get().equals(r.feature()))
                && (kind.isEmpty() || kind.get() == r.kind())
                && (from.isEmpty() || !r.time().isBefore(from.get()))
                && (to.isEmpty() || r.time().isBefore(to.get()));
    }
}
