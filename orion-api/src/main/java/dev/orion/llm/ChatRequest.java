package dev.orion.llm;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable chat request. Build one with {@link #builder()}; derive a changed copy with
 * {@link #newBuilder()}, as with OkHttp's {@code Request}.
 *
 * <p>A request is what the model sees (messages, tools, sampling parameters, stop sequences, seed,
 * response format) and which model answers it: a {@link #model()}, or a router {@link #profile()} that
 * chooses the models and their defaults. Who the call is for (tenant, project, run, feature) and how the
 * router treats it (cache flags) is not part of the request: it is the {@link CallContext} that goes
 * with it. The router ignores {@link #model()} when a profile is given.
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


    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ChatRequest r)) {
            return false;
        }
        return Objects.equals(model, r.model)
                && Objects.equals(profile, r.profile) && messages.equals(r.messages) && tools.equals(r.tools)
                && Objects.equals(temperature, r.temperature) && Objects.equals(topP, r.topP)
                && Objects.equals(maxTokens, r.maxTokens) && stop.equals(r.stop) && Objects.equals(seed, r.seed)
                && responseFormat.equals(r.responseFormat);
    }

    @Override
    public int hashCode() {
        return Objects.hash(model, profile, messages, tools, temperature, topP, maxTokens, stop, seed,
                responseFormat);
    }

    @Override
    public String toString() {
        return "ChatRequest{model=" + model + ", profile=" + profile + ", messages=" + messages.size()
                + ", tools=" + tools.size() + "}";
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

        /** Builds the request. @return the immutable request */
        public ChatRequest build() {
            return new ChatRequest(this);
        }

        private static String nonBlank(String name, String value) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(name + " must not be blank, was '" + value + "'");
            }
            return value;
        }
    }
}
