package dev.orion.llm.router;

import dev.orion.llm.ChatModel;
import java.util.Objects;

/**
 * A model the router can call: its router name (what profiles list), the backend that serves it,
 * the id the provider knows it by, and its context window.
 *
 * @param name          the name profiles use, e.g. {@code fast}
 * @param provider      the provider's name for records, e.g. {@code openai}
 * @param providerModel the model id sent to the provider, e.g. {@code gpt-4o-mini}
 * @param backend       the chat model that serves it (usually from {@code Providers})
 * @param contextWindow the most tokens prompt plus answer may have
 */
public record ModelRoute(String name, String provider, String providerModel, ChatModel backend, int contextWindow) {

    /** Validates the route. */
    public ModelRoute {
        if (name == null || !name.matches("[A-Za-z0-9._:/-]{1,200}")) {
            throw new IllegalArgumentException("model name must match [A-Za-z0-9._:/-]{1,200}, was '" + name + "'");
        }
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(providerModel, "providerModel");
        Objects.requireNonNull(backend, "backend");
        if (contextWindow <= 0) {
            throw new IllegalArgumentException("contextWindow must be > 0, was " + contextWindow);
        }
    }

    /**
     * A route whose router name is the provider's model id.
     *
     * @param provider      provider name
     * @param providerModel model id
     * @param backend       the chat model
     * @param contextWindow tokens
     * @return the route
     */
    public static ModelRoute of(String provider, String providerModel, ChatModel backend, int contextWindow) {
        return new ModelRoute(providerModel, provider, providerModel, backend, contextWindow);
    }
}
