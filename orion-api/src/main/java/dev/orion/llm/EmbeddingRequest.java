package dev.orion.llm;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Texts to embed, and the router profile or model to embed them with (what the model sees; who the call
 * is for is the {@link CallContext}).
 *
 * <pre>{@code
 * EmbeddingRequest r = EmbeddingRequest.builder().profile("embeddings").input("rock-salt oxide").build();
 * }</pre>
 *
 * @param inputs     the texts, at least one, none empty
 * @param profile    the router profile (a request names a profile or a model)
 * @param model      the model (for a provider: the provider's id; for the router: a route name)
 * @param dimensions the vector length to ask for, for models that can shorten their vectors
 */
public record EmbeddingRequest(List<String> inputs, Optional<String> profile, Optional<String> model,
                               Optional<Integer> dimensions) {

    /** Validates the request. */
    public EmbeddingRequest {
        inputs = List.copyOf(Objects.requireNonNull(inputs, "inputs"));
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("inputs must not be empty");
        }
        for (int i = 0; i < inputs.size(); i++) {
            if (inputs.get(i).isEmpty()) {
                throw new IllegalArgumentException("inputs[" + i + "] must not be empty");
            }
        }
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(dimensions, "dimensions");
        if (profile.isEmpty() && model.isEmpty()) {
            throw new IllegalArgumentException("an embedding request names a profile or a model");
        }
        dimensions.ifPresent(d -> {
            if (d <= 0) {
                throw new IllegalArgumentException("dimensions must be > 0, was " + d);
            }
        });
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this request's values, to derive a changed copy */
    public Builder newBuilder() {
        Builder b = new Builder();
        b.inputs.addAll(inputs);
        b.profile = profile;
        b.model = model;
        b.dimensions = dimensions;
        return b;
    }

    /** Collects an {@link EmbeddingRequest}. */
    public static final class Builder {
        private final java.util.ArrayList<String> inputs = new java.util.ArrayList<>();
        private Optional<String> profile = Optional.empty();
        private Optional<String> model = Optional.empty();
        private Optional<Integer> dimensions = Optional.empty();

        private Builder() {
        }

        /** @param text one more text to embed @return this */
        public Builder input(String text) {
            inputs.add(Objects.requireNonNull(text, "input"));
            return this;
        }

        /** @param texts more texts to embed @return this */
        public Builder inputs(List<String> texts) {
            texts.forEach(this::input);
            return this;
        }

        /** @param profile the router profile @return this */
        public Builder profile(String profile) {
            this.profile = Optional.of(Objects.requireNonNull(profile, "profile"));
            return this;
        }

        /** @param model the model @return this */
        public Builder model(String model) {
            this.model = Optional.of(Objects.requireNonNull(model, "model"));
            return this;
        }

        /** @param dimensions the vector length to ask for @return this */
        public Builder dimensions(int dimensions) {
            this.dimensions = Optional.of(dimensions);
            return this;
        }

        /**
         * @return the request
         * @throws IllegalArgumentException if there is no input, an input is empty, or neither profile nor model is named
         */
        public EmbeddingRequest build() {
            return new EmbeddingRequest(inputs, profile, model, dimensions);
        }
    }
}
