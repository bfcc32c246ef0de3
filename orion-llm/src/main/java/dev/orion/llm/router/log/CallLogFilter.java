package dev.orion.llm.router.log;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Selects call records; absent fields match everything; times are half-open ({@code from <= t < to}).
 *
 * @param tenant   only this tenant
 * @param project  only this project
 * @param runId    only this run
 * @param profile  only this profile
 * @param model    only this model
 * @param outcome  only this outcome
 * @param cacheHit only hits (true) or misses (false)
 * @param from     only calls at or after
 * @param to       only calls before
 */
public record CallLogFilter(Optional<String> tenant, Optional<String> project, Optional<String> runId,
                            Optional<String> profile, Optional<String> model, Optional<CallOutcome> outcome,
                            Optional<Boolean> cacheHit, Optional<Instant> from, Optional<Instant> to) {

    /** Validates the filter. */
    public CallLogFilter {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(cacheHit, "cacheHit");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }

    /** Matches every record. */
    public static CallLogFilter all() {
        return new CallLogFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** @param v tenant @return narrowed filter */
    public CallLogFilter tenant(String v) {
        return new CallLogFilter(Optional.of(v), project, runId, profile, model, outcome, cacheHit, from, to);
    }

    /** @param v project @return narrowed filter */
    public CallLogFilter project(String v) {
        return new CallLogFilter(tenant, Optional.of(v), runId, profile, model, outcome, cacheHit, from, to);
    }

    /** @param v run @return narrowed filter */
    public CallLogFilter runId(String v) {
        return new CallLogFilter(tenant, project, Optional.of(v), profile, model, outcome, cacheHit, from, to);
    }

    /** @param v profile @return narrowed filter */
    public CallLogFilter profile(String v) {
        return new CallLogFilter(tenant, project, runId, Optional.of(v), model, outcome, cacheHit, from, to);
    }

    /** @param v model @return narrowed filter */
    public CallLogFilter model(String v) {
        return new CallLogFilter(tenant, project, runId, profile, Optional.of(v), outcome, cacheHit, from, to);
    }

    /** @param v outcome @return narrowed filter */
    public CallLogFilter outcome(CallOutcome v) {
        return new CallLogFilter(tenant, project, runId, profile, model, Optional.of(v), cacheHit, from, to);
    }

    /** @param v hit or miss @return narrowed filter */
    public CallLogFilter cacheHit(boolean v) {
        return new CallLogFilter(tenant, project, runId, profile, model, outcome, Optional.of(v), from, to);
    }

    /** @param start inclusive @param end exclusive @return narrowed filter */
    public CallLogFilter between(Instant start, Instant end) {
        return new CallLogFilter(tenant, project, runId, profile, model, outcome, cacheHit, Optional.of(start), Optional.of(end));
    }

    /** Whether the filter selects a record. @param r the record */
    public boolean matches(CallRecord r) {
        return (tenant.isEmpty() || tenant.get().equals(r.tenant()))
                && (project.isEmpty() || project.equals(r.project()))
                && (runId.isEmpty() || runId.equals(r.runId()))
                && (profile.isEmpty() || profile.get().equals(r.profile()))
                && (model.isEmpty() || model.get().equals(r.model()))
                && (outcome.isEmpty() || outcome.get() == r.outcome())
                && (cacheHit.isEmpty() || cacheHit.get() == r.cacheHit())
                && (from.isEmpty() || !r.time().isBefore(from.get()))
                && (to.isEmpty() || r.time().isBefore(to.get()));
    }
}
