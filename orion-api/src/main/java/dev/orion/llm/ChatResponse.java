package dev.orion.llm;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * The answer to a {@link ChatRequest}.
 *
 * <p>A provider fills the answer, usage and its request id; the router adds what only it knows: the
 * cost in US dollars, whether the answer came from the cache, and the models it tried on the way.
 *
 * @param id           the provider's request or response id (empty when the provider gave none)
 * @param model        the model that answered, as the provider named it
 * @param message      the assistant turn: text and requested tool calls
 * @param finishReason why generation stopped
 * @param usage        tokens consumed (zero for a cache hit)
 * @param costUsd      the price of the call in US dollars (zero for a cache hit or when unknown)
 * @param cacheHit     whether the router answered from its cache
 * @param modelsTried  the router models tried, in order, the answering one last
 */
public record ChatResponse(String id, String model, Message.Assistant message, FinishReason finishReason, Usage usage,
                           BigDecimal costUsd, boolean cacheHit, List<String> modelsTried) {

    /** Validates and freezes the response. */
    public ChatResponse {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(finishReason, "finishReason");
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(costUsd, "costUsd");
        if (costUsd.signum() < 0) {
            throw new IllegalArgumentException("costUsd must be >= 0, was " + costUsd);
        }
        modelsTried = List.copyOf(modelsTried);
    }

    /**
     * A response as a provider returns it: no cost yet, not from the cache.
     *
     * @param id           provider request id
     * @param model        model name
     * @param message      the assistant turn
     * @param finishReason why it stopped
     * @param usage        tokens
     * @return the response
     */
    public static ChatResponse of(String id, String model, Message.Assistant message, FinishReason finishReason, Usage usage) {
        return new ChatResponse(id, model, message, finishReason, usage, BigDecimal.ZERO, false, List.of());
    }

    /** The answer text. */
    public String text() {
        return message.content();
    }

    /** The tool calls the model asked for (empty when it answered directly). */
    public List<ToolCall> toolCalls() {
        return message.toolCalls();
    }

    /** This response with a cost. @param cost dollars @return the copy */
    public ChatResponse withCost(BigDecimal cost) {
        return new ChatResponse(id, model, message, finishReason, usage, cost, cacheHit, modelsTried);
    }

    /** This response served from the cache: zero usage, zero cost. @return the copy */
    public ChatResponse asCacheHit() {
        return new ChatResponse(id, model, message, finishReason, Usage.ZERO, BigDecimal.ZERO, true, modelsTried);
    }

    /** This response with the path of models tried. @param tried router model names @return the copy */
    public ChatResponse withModelsTried(List<String> tried) {
        return new ChatResponse(id, model, message, finishReason, usage, costUsd, cacheHit, tried);
    }
}
