package dev.orion.store;

import dev.orion.tenant.ProjectId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Selects LLM call records; empty fields match everything. Times are half-open: {@code from <= time < to}.
 *
 * @param project  only this project
 * @param runId    only this run
 * @param feature  only this feature
 * @param profile  only this profile
 * @param model    only this model
 * @param outcome  only this outcome
 * @param cacheHit only cache hits (true) or misses (false)
 * @param from     only calls at or after this time
 * @param to       only calls before this time
 */
public record LlmCallFilter(Optional<ProjectId> project, Optional<String> runId, Optional<String> feature,
                            Optional<String> profile,
                            Optional<String> model, Optional<LlmCallOutcome> outcome, Optional<Boolean> cacheHit,
                            Optional<Instant> from, Optional<Instant> to) {

    /** Validates. */
    public LlmCallFilter {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(feature, "feature");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(cacheHit, "cacheHit");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }

    /** @return a filter matching every call */
    public static LlmCallFilter all() {
        return new LlmCallFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** @param v project @return narrowed filter */
    public LlmCallFilter withProject(ProjectId v) {
        return new LlmCallFilter(Optional.of(v), runId, feature, profile, model, outcome, cacheHit, from, to);
    }

    /** @param v run @return narrowed filter */
    public LlmCallFilter withRunId(String v) {
        return new LlmCallFilter(project, Optional.of(v), feature, profile, model, outcome, cacheHit, from, to);
    }

    /** @param v feature @return narrowed filter */
    public LlmCallFilter withFeature(String v) {
        return new LlmCallFilter(project, runId, Optional.of(v), profile, model, outcome, cacheHit, from, to);
    }

    /** @param v profile @return narrowed filter */
    public LlmCallFilter withProfile(String v) {
        return new LlmCallFilter(project, runId, feature, Optional.of(v), model, outcome, cacheHit, from, to);
    }

    /** @param v model @return narrowed filter */
    public LlmCallFilter withModel(String v) {
        return new LlmCallFilter(project, runId, feature, profile, Optional.of(v), outcome, cacheHit, from, to);
    }

    /** @param v outcome @return narrowed filter */
    public LlmCallFilter withOutcome(LlmCallOutcome v) {
        return new LlmCallFilter(project, runId, feature, profile, model, Optional.of(v), cacheHit, from, to);
    }

    /** @param v hit or miss @return narrowed filter */
    public LlmCallFilter withCacheHit(boolean v) {
        return new LlmCallFilter(project, runId, feature, profile, model, outcome, Optional.of(v), from, to);
    }

    /** @param start inclusive @param end exclusive @return narrowed filter */
    public LlmCallFilter between(Instant start, Instant end) {
        return new LlmCallFilter(project, runId, feature, profile, model, outcome, cacheHit, Optional.of(start), Optional.of(end));
    }

    /**
     * @param call a call
     * @return whether this filter selects it (the in-memory reference semantics)
     */
    public boolean matches(LlmCall call) {
        return (project.isEmpty() || project.equals(call.project()))
                && (runId.isEmpty() || runId.equals(call.runId()))
                && (feature.isEmpty() || feature.equals(call.feature()))
                && (profile.isEmpty() || profile.get().equals(call.profile()))
                && (model.isEmpty() || model.get().equals(call.model()))
                && (outcome.isEmpty() || outcome.get() == call.outcome())
                && (cacheHit.isEmpty() || cacheHit.get() == call.cacheHit())
                && (from.isEmpty() || !call.time().isBefore(from.get()))
                && (to.isEmpty() || call.time().isBefore(to.get()));
    }
}
