package dev.orion.llm;

import dev.orion.store.LlmCallLabel;
import dev.orion.tenant.ProjectId;
import dev.orion.tenant.TenantId;
import java.util.Objects;
import java.util.Optional;

/**
 * Who an LLM call is for and how the router should treat it; none of it is sent to the model (that is
 * the {@link ChatRequest}), in the spirit of LangChain4j's {@code ChatRequestOptions}.
 *
 * <p>The tenant is required: it is billed, rate-limited, and owns the call record and the cached answer.
 * There is no default tenant. Application code does not build contexts: it holds a tenant-bound
 * {@link TenantChat} (from {@code orion.tenant(acme).llm()}), which fixes the tenant and lets the caller
 * set only the rest. Providers and the router take a context in {@link ChatModel#chat(ChatRequest, CallContext)}.
 *
 * <p>The labels (run id, feature, experiment subject, API key id, system prompt version) are checked
 * when set by the {@linkplain LlmCallLabel label rule}, so a context the builder accepts is one the call
 * log can store. Derive a changed copy with {@link #newBuilder()}, which keeps the tenant.
 */
public final class CallContext {

    private final TenantId tenant;
    private final ProjectId project;
    private final String runId;
    private final String feature;
    private final String subject;
    private final String apiKeyId;
    private final String systemPromptVersion;
    private final boolean noCache;
    private final boolean noStore;

    private CallContext(Builder b) {
        this.tenant = b.tenant;
        this.project = b.project;
        this.runId = b.runId;
        this.feature = b.feature;
        this.subject = b.subject;
        this.apiKeyId = b.apiKeyId;
        this.systemPromptVersion = b.systemPromptVersion;
        this.noCache = b.noCache;
        this.noStore = b.noStore;
    }

    /**
     * The context of a call for {@code tenant} with nothing else set.
     *
     * @param tenant the tenant billed for the call, not {@link TenantId#ADMIN}
     * @return the context
     * @throws IllegalArgumentException if {@code tenant} is null or the admin pseudo-tenant
     */
    public static CallContext of(TenantId tenant) {
        return builder(tenant).build();
    }

    /**
     * A builder for a call made for {@code tenant}; the tenant cannot be changed afterwards.
     *
     * @param tenant the tenant billed for the call, not {@link TenantId#ADMIN}
     * @return the builder
     * @throws IllegalArgumentException if {@code tenant} is null or the admin pseudo-tenant
     */
    public static Builder builder(TenantId tenant) {
        if (tenant == null) {
            throw new IllegalArgumentException("tenant must not be null: every LLM call is made for a tenant");
        }
        if (tenant.isAdmin()) {
            throw new IllegalArgumentException("tenant must be a real tenant, was the admin pseudo-tenant " + tenant);
        }
        return new Builder(tenant);
    }

    /** @return a builder holding this context's values (the same tenant), to derive a changed copy */
    public Builder newBuilder() {
        Builder b = new Builder(tenant);
        b.project = project;
        b.runId = runId;
        b.feature = feature;
        b.subject = subject;
        b.apiKeyId = apiKeyId;
        b.systemPromptVersion = systemPromptVersion;
        b.noCache = noCache;
        b.noStore = noStore;
        return b;
    }

    /** @return the tenant the call is made for and billed to */
    public TenantId tenant() {
        return tenant;
    }

    /** @return the project within the tenant, if any (project budgets and profile overrides) */
    public Optional<ProjectId> project() {
        return Optional.ofNullable(project);
    }

    /** @return the run (campaign, workflow, agent session) the call belongs to, if any */
    public Optional<String> runId() {
        return Optional.ofNullable(runId);
    }

    /** @return the feature that makes the call (e.g. {@code "campaign-advisor"}), recorded with it, if any */
    public Optional<String> feature() {
        return Optional.ofNullable(feature);
    }

    /** @return the subject (user, campaign...) that A/B experiments assign to a variant, if any */
    public Optional<String> subject() {
        return Optional.ofNullable(subject);
    }

    /** @return the id (never the secret) of the API key the caller used, for per-key rate limits, if any */
    public Optional<String> apiKeyId() {
        return Optional.ofNullable(apiKeyId);
    }

    /** @return the version of the system prompt, part of the cache key (not sent to the model), if any */
    public Optional<String> systemPromptVersion() {
        return Optional.ofNullable(systemPromptVersion);
    }

    /** @return whether the router must not answer from its cache */
    public boolean noCache() {
        return noCache;
    }

    /** @return whether the router must not store the answer in its cache */
    public boolean noStore() {
        return noStore;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CallContext c && tenant.equals(c.tenant) && Objects.equals(project, c.project)
                && Objects.equals(runId, c.runId) && Objects.equals(feature, c.feature)
                && Objects.equals(subject, c.subject) && Objects.equals(apiKeyId, c.apiKeyId)
                && Objects.equals(systemPromptVersion, c.systemPromptVersion) && noCache == c.noCache
                && noStore == c.noStore;
    }

    @Override
    public int hashCode() {
        return Objects.hash(tenant, project, runId, feature, subject, apiKeyId, systemPromptVersion, noCache, noStore);
    }

    @Override
    public String toString() {
        return "CallContext{tenant=" + tenant + ", project=" + project + ", run=" + runId + ", feature=" + feature + "}";
    }

    /** Collects the values of a {@link CallContext} around a fixed tenant. Not thread-safe. */
    public static final class Builder {
        private final TenantId tenant;
        private ProjectId project;
        private String runId;
        private String feature;
        private String subject;
        private String apiKeyId;
        private String systemPromptVersion;
        private boolean noCache;
        private boolean noStore;

        private Builder(TenantId tenant) {
            this.tenant = tenant;
        }

        /**
         * @param project the project within the tenant
         * @return this builder (for chaining)
         * @throws IllegalArgumentException if {@code project} is null
         */
        public Builder project(ProjectId project) {
            if (project == null) {
                throw new IllegalArgumentException("project must not be null");
            }
            this.project = project;
            return this;
        }

        /**
         * @param runId the run, a {@linkplain LlmCallLabel label}
         * @return this builder (for chaining)
         * @throws IllegalArgumentException if {@code runId} is not a label
         */
        public Builder runId(String runId) {
            this.runId = LlmCallLabel.check("runId", runId);
            return this;
        }

        /**
         * @param feature the feature making the call, a {@linkplain LlmCallLabel label}
         * @return this builder (for chaining)
         * @throws IllegalArgumentException if {@code feature} is not a label
         */
        public Builder feature(String feature) {
            this.feature = LlmCallLabel.check("feature", feature);
            return this;
        }

        /**
         * @param subject the experiment subject, a {@linkplain LlmCallLabel label}
         * @return this builder (for chaining)
         * @throws IllegalArgumentException if {@code subject} is not a label
         */
        public Builder subject(String subject) {
            this.subject = LlmCallLabel.check("subject", subject);
            return this;
        }

        /**
         * @param apiKeyId the API key id (never the secret), a {@linkplain LlmCallLabel label}
         * @return this builder (for chaining)
         * @throws IllegalArgumentException if {@code apiKeyId} is not a label
         */
        public Builder apiKeyId(String apiKeyId) {
            this.apiKeyId = LlmCallLabel.check("apiKeyId", apiKeyId);
            return this;
        }

        /**
         * @param version the system prompt version, a {@linkplain LlmCallLabel label}
         * @return this builder (for chaining)
         * @throws IllegalArgumentException if {@code version} is not a label
         */
        public Builder systemPromptVersion(String version) {
            this.systemPromptVersion = LlmCallLabel.check("systemPromptVersion", version);
            return this;
        }

        /** @param noCache true to always call a model @return this builder (for chaining) */
        public Builder noCache(boolean noCache) {
            this.noCache = noCache;
            return this;
        }

        /** @param noStore true to keep the answer out of the cache @return this builder (for chaining) */
        public Builder noStore(boolean noStore) {
            this.noStore = noStore;
            return this;
        }

        /** @return the immutable context */
        public CallContext build() {
            return new CallContext(this);
        }
    }
}
