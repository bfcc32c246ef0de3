package dev.orion.llm;

/**
 * Tokens consumed by one call, in one convention for every provider.
 *
 * <p>{@code inputTokens} counts the whole prompt, including the cached and cache-write parts, which
 * are reported separately so that they can be priced differently. (Anthropic reports
 * {@code input_tokens} without them; the provider adapters add them back.) {@code reasoningTokens}
 * is a part of {@code outputTokens}.
 *
 * @param inputTokens       prompt tokens, all of them
 * @param outputTokens      generated tokens, reasoning included
 * @param cachedInputTokens prompt tokens read from the provider's prompt cache
 * @param cacheWriteTokens  prompt tokens written to the provider's prompt cache
 * @param reasoningTokens   generated tokens spent on reasoning
 */
public record Usage(long inputTokens, long outputTokens, long cachedInputTokens, long cacheWriteTokens,
                    long reasoningTokens) {

    /** No tokens at all (a cache hit). */
    public static final Usage ZERO = new Usage(0, 0, 0, 0, 0);

    /** Validates the counts. */
    public Usage {
        check("inputTokens", inputTokens);
        check("outputTokens", outputTokens);
        check("cachedInputTokens", cachedInputTokens);
        check("cacheWriteTokens", cacheWriteTokens);
        check("reasoningTokens", reasoningTokens);
        if (cachedInputTokens + cacheWriteTokens > inputTokens) {
            throw new IllegalArgumentException("cachedInputTokens + cacheWriteTokens (" + (cachedInputTokens + cacheWriteTokens)
                    + ") exceed inputTokens (" + inputTokens + ")");
        }
    }

    /** Plain usage without caching. @param inputTokens prompt tokens @param outputTokens generated tokens */
    public static Usage of(long inputTokens, long outputTokens) {
        return new Usage(inputTokens, outputTokens, 0, 0, 0);
    }

    /** Prompt tokens billed at the full input price. */
    public long uncachedInputTokens() {
        return inputTokens - cachedInputTokens - cacheWriteTokens;
    }

    /** Input plus output tokens. */
    public long totalTokens() {
        return inputTokens + outputTokens;
    }

    /** The sum of two usages (for multi-step loops). @param other the other usage */
    public Usage plus(Usage other) {
        return new Usage(inputTokens + other.inputTokens, outputTokens + other.outputTokens,
                cachedInputTokens + other.cachedInputTokens, cacheWriteTokens + other.cacheWriteTokens,
                reasoningTokens + other.reasoningTokens);
    }

    private static void check(String name, long v) {
        if (v < 0) {
            throw new IllegalArgumentException(name + " must be >= 0, was " + v);
        }
    }
}
