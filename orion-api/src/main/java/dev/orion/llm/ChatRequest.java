package dev.orion.llm;

import dev.orion.store.LlmCallLabel;
import dev.orion.tenant.ProjectId;
import dev.orion.tenant.TenantId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * An immutable chat request. Build one with {@link #builder()}; derive a changed copy with
 * {@link #newBuilder()}, as with OkHttp's {@code Request}.
 *
 * <p>Besides what goes to the model (messages, tools, sampling parameters, response format) a request
 * carries who it is for (tenant, project, run, API key, experiment subject) and how the router should
 * treat it (profile, cache bypass). A provider ignores the routing fields; the router ignores
 * {@link #model()} when a profile is given.
 *
 * <p>The routing fields are checked when set, so a request the builder accepts is one the router can
 * record, cache, budget and rate-limit: the tenant is a {@link TenantId}, the project a {@link ProjectId},
 * and the run id, API key id and experiment subject are {@linkplain LlmCallLabel labels}.
 */
public final class ChatRequest {

    private final String model;
    private final String profile;
    private final List<Message> messages;
    private final List<ToolSpec> tools;
    private final Double temperature;
    private final Double topP;
    private final Integer maxTokens;
    private final List<String> stop;
    private final Long seed;
    private final ResponseFormat responseFormat;
    private final TenantId tenantId;
    private final ProjectId projectId;
    private final String runId;
    private final String apiKeyId;
    private final String subject;
    private final String systemPromptVersion;
    private final boolean noCache;
    private final boolean noStore;

    private ChatRequest(Builder b) {
        if (b.messages.isEmpty()) {
            throw new IllegalArgumentException("a chat request needs at least one message, had none");
        }
        if (b.model == null && b.profile == null) {
            throw new IllegalArgumentException("a chat request needs a model or a profile, had neither");
        }
        this.model = b.model;
        this.profile = b.profile;
        this.messages = List.copyOf(b.messages);
        this.tools = List.copyOf(b.tools);
        this.temperature = b.temperature;
        this.topP = b.topP;
        this.maxTokens = b.maxTokens;
        this.stop = List.copyOf(b.stop);
        this.seed = b.seed;
        this.responseFormat = b.responseFormat;
        this.tenantId = b.tenantId;
        this.projectId = b.projectId;
        this.runId = b.runId;
        this.apiKeyId = b.apiKeyId;
        this.subject = b.subject;
        this.systemPromptVersion = b.systemPromptVersion;
        this.noCache = b.noCache;
        this.noStore = b.noStore;
    }

    /** A new, empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this request's values, to derive a changed copy. */
    public Builder newBuilder() {
        return new Builder(this);
    }

    /** The model to call (a provider's model id, or a router model name). */
    public Optional<String> model() {
        return Optional.ofNullable(model);
    }

    /** The router profile that chooses models, parameters and policies. */
    public Optional<String> profile() {
        return Optional.ofNullable(profile);
    }

    /** The conversation, oldest first. */
    public List<Message> messages() {
        return messages;
    }

    /** Tools the model may call. */
    public List<ToolSpec> tools() {
        return tools;
    }

    /** Sampling temperature. */
    public Optional<Double> temperature() {
        return Optional.ofNullable(temperature);
    }

    /** Nucleus sampling probability mass. */
    public Optional<Double> topP() {
        return Optional.ofNullable(topP);
    }

    /** The most tokens the answer may have. */
    public Optional<Integer> maxTokens() {
        return Optional.ofNullable(maxTokens);
    }

    /** Stop sequences. */
    public List<String> stop() {
        return stop;
    }

    /** Sampling seed, where the provider supports one. */
    public Optional<Long> seed() {
        return Optional.ofNullable(seed);
    }

    /** The shape of the answer (text by default). */
    public ResponseFormat responseFormat() {
        return responseFormat;
    }

    /** The tenant the call is made for and billed to. */
    public Optional<TenantId> tenantId() {
        return Optional.ofNullable(tenantId);
    }

    /** The project within the tenant. */
    public Optional<ProjectId> projectId() {
        return Optional.ofNullable(projectId);
    }

    /** The run (campaign, workflow, agent session) the call belongs to. */
    public Optional<String> runId() {
        return Optional.ofNullable(runId);
    }

    /** The id (never the secret) of the API key the caller used, for per-key rate limits. */
    public Optional<String> apiKeyId() {
        return Optional.ofNullable(apiKeyId);
    }

    /** The subject (user, campaign...) that A/B experiments assign to a variant. */
    public Optional<String> subject() {
        return Optional.ofNullable(subject);
    }

    /** The version of the system prompt, part of the cache key. */
    public Optional<String> systemPromptVersion() {
        return Optional.ofNullable(systemPromptVersion);
    }

    /** Whether the router must not answer from its cache. */
    public boolean noCache() {
        return noCache;
    }

    /** Whether the router must not store the answer in its cache. */
    public boolean noStore() {
        return noStore;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ChatRequest r)) {
            return false;
        }
        return noCache == r.noCache && noStore == r.noStore && Objects.equals(model, r.model)
                && Objects.equals(profile, r.profile) && messages.equals(r.messages) && tools.equals(r.tools)
                && Objects.equals(temperature, r.temperature) && Objects.equals(topP, r.topP)
                && Objects.equals(maxTokens, r.maxTokens) && stop.equals(r.stop) && Objects.equals(seed, r.seed)
                && responseFormat.equals(r.responseFormat) && Objects.equals(tenantId, r.tenantId)
                && Objects.equals(projectId, r.projectId) && Objects.equals(runId, r.runId)
                && Objects.equals(apiKeyId, r.apiKeyId) && Objects.equals(subject, r.subject)
                && Objects.equals(systemPromptVersion, r.systemPromptVersion);
    }

    @Override
    public int hashCode() {
        return Objects.hash(model, profile, messages, tools, temperature, topP, maxTokens, stop, seed,
                responseFormat, tenantId, projectId, runId, apiKeyId, subject, systemPromptVersion, noCache, noStore);
    }

    @Override
    public String toString() {
        return "ChatRequest{model=" + model + ", profile=" + profile + ", messages=" + messages.size()
                + ", tools=" + tools.size() + ", tenant=" + tenantId + ", project=" + projectId + "}";
    }

    /** Collects the values of a {@link ChatRequest}. Not thread-safe. */
    public static final class Builder {
        private String model;
        private String profile;
        private final List<Message> messages = new ArrayList<>();
        private final List<ToolSpec> tools = new ArrayList<>();
        private Double temperature;
        private Double topP;
        private Integer maxTokens;
        private final List<String> stop = new ArrayList<>();
        private Long seed;
        private ResponseFormat responseFormat = ResponseFormat.text();
        private TenantId tenantId;
        private ProjectId projectId;
        private String runId;
        private String apiKeyId;
        private String subject;
        private String systemPromptVersion;
        private boolean noCache;
        private boolean noStore;

        private Builder() {
        }

        private Builder(ChatRequest r) {
            model = r.model;
            profile = r.profile;
            messages.addAll(r.messages);
            tools.addAll(r.tools);
            temperature = r.temperature;
            topP = r.topP;
            maxTokens = r.maxTokens;
            stop.addAll(r.stop);
            seed = r.seed;
            responseFormat = r.responseFormat;
            tenantId = r.tenantId;
            projectId = r.projectId;
            runId = r.runId;
            apiKeyId = r.apiKeyId;
            subject = r.subject;
            systemPromptVersion = r.systemPromptVersion;
            noCache = r.noCache;
            noStore = r.noStore;
        }

        /** Sets the model. @param model a non-blank model id @return this */
        public Builder model(String model) {
            this.model = nonBlank("model", model);
            return this;
        }

        /** Sets the router profile. @param profile a non-blank profile name @return this */
        public Builder profile(String profile) {
            this.profile = nonBlank("profile", profile);
            return this;
        }

        /** Appends one message. @param message the message @return this */
        public Builder message(Message message) {
            messages.add(Objects.requireNonNull(message, "message"));
            return this;
        }

        /** Replaces all messages. @param messages the conversation @return this */
        public Builder messages(List<? extends Message> messages) {
            this.messages.clear();
            messages.forEach(this::message);
            return this;
        }

        /** Appends a system message. @param content the text @return this */
        public Builder system(String content) {
            return message(Message.system(content));
        }

        /** Appends a user message. @param content the text @return this */
        public Builder user(String content) {
            return message(Message.user(content));
        }

        /** Appends one tool. @param tool the tool @return this */
        public Builder tool(ToolSpec tool) {
            tools.add(Objects.requireNonNull(tool, "tool"));
            return this;
        }

        /** Replaces all tools. @param tools the tools @return this */
        public Builder tools(List<ToolSpec> tools) {
            this.tools.clear();
            tools.forEach(this::tool);
            return this;
        }

        /** Sets the temperature. @param temperature in [0, 2] @return this */
        public Builder temperature(double temperature) {
            if (!(temperature >= 0 && temperature <= 2)) {
                throw new IllegalArgumentException("temperature must be in [0, 2], was " + temperature);
            }
            this.temperature = temperature;
            return this;
        }

        /** Sets top-p. @param topP in (0, 1] @return this */
        public Builder topP(double topP) {
            if (!(topP > 0 && topP <= 1)) {
                throw new IllegalArgumentException("topP must be in (0, 1], was " + topP);
            }
            this.topP = topP;
            return this;
        }

        /** Sets the output limit. @param maxTokens positive @return this */
        public Builder maxTokens(int maxTokens) {
            if (maxTokens <= 0) {
                throw new IllegalArgumentException("maxTokens must be > 0, was " + maxTokens);
            }
            this.maxTokens = maxTokens;
            return this;
        }

        /** Replaces the stop sequences. @param stop the sequences @return this */
        public Builder stop(List<String> stop) {
            this.stop.clear();
            stop.forEach(s -> this.stop.add(Objects.requireNonNull(s, "stop sequence")));
            return this;
        }

        /** Sets the seed. @param seed the seed @return this */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Sets the response format. @param format the format @return this */
        public Builder responseFormat(ResponseFormat format) {
            this.responseFormat = Objects.requireNonNull(format, "responseFormat");
            return this;
        }

        /** Sets the tenant. @param tenantId the tenant @return this */
        public Builder tenantId(TenantId tenantId) {
            this.tenantId = Objects.requireNonNull(tenantId, "tenantId");
            return this;
        }

        /** Sets the tenant. @param tenantId a slug {@link TenantId#of} accepts @return this */
        public Builder tenantId(String tenantId) {
            return tenantId(parse("tenantId", tenantId, TenantId::of));
        }

        /** Sets the project. @param projectId the project @return this */
        public Builder projectId(ProjectId projectId) {
            this.projectId = Objects.requireNonNull(projectId, "projectId");
            return this;
        }

        /** Sets the project. @param projectId an id {@link ProjectId#of} accepts @return this */
        public Builder projectId(String projectId) {
            return projectId(parse("projectId", projectId, ProjectId::of));
        }

        /** Sets the run. @param runId a {@link LlmCallLabel label} @return this */
        public Builder runId(String runId) {
            this.runId = LlmCallLabel.check("runId", runId);
            return this;
        }

        /** Sets the API key id (never the secret). @param apiKeyId a {@link LlmCallLabel label} @return this */
        public Builder apiKeyId(String apiKeyId) {
            this.apiKeyId = LlmCallLabel.check("apiKeyId", apiKeyId);
            return this;
        }

        /** Sets the experiment subject. @param subject a {@link LlmCallLabel label} @return this */
        public Builder subject(String subject) {
            this.subject = LlmCallLabel.check("subject", subject);
            return this;
        }

        /** Sets the system prompt version. @param version non-blank version @return this */
        public Builder systemPromptVersion(String version) {
            this.systemPromptVersion = nonBlank("systemPromptVersion", version);
            return this;
        }

        /** Bypasses cache lookups. @param noCache true to always call a model @return this */
        public Builder noCache(boolean noCache) {
            this.noCache = noCache;
            return this;
        }

        /** Keeps the answer out of the cache. @param noStore true to not store @return this */
        public Builder noStore(boolean noStore) {
            this.noStore = noStore;
            return this;
        }

        /** Builds the request. @return the immutable request */
        public ChatRequest build() {
            return new ChatRequest(this);
        }

        /** Applies the id type's own rule, so there is one rule per id; the message names the field. */
        private static <T> T parse(String name, String value, Function<String, T> parser) {
            if (value == null) {
                throw new IllegalArgumentException(name + " must not be null");
            }
            try {
                return parser.apply(value);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
            }
        }

        private static String nonBlank(String name, String value) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(name + " must not be blank, was '" + value + "'");
            }
            return value;
        }
    }
}
