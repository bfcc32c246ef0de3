package dev.orion.llm.router.cost;

import dev.orion.llm.Usage;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Objects;

/**
 * List prices of one model in US dollars per million tokens.
 *
 * @param inputPerMillion       uncached prompt tokens
 * @param outputPerMillion      generated tokens (reasoning included)
 * @param cachedInputPerMillion prompt tokens read from the provider's cache (OpenAI {@code cached_tokens},
 *                              Anthropic {@code cache_read_input_tokens})
 * @param cacheWritePerMillion  prompt tokens written to the provider's cache (Anthropic
 *                              {@code cache_creation_input_tokens})
 */
public record ModelPrice(BigDecimal inputPerMillion, BigDecimal outputPerMillion, BigDecimal cachedInputPerMillion,
                         BigDecimal cacheWritePerMillion) {

    /** A free model (local inference). */
    public static final ModelPrice FREE = new ModelPrice(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    /** Validates the prices. */
    public ModelPrice {
        check("inputPerMillion", inputPerMillion);
        check("outputPerMillion", outputPerMillion);
        check("cachedInputPerMillion", cachedInputPerMillion);
        check("cacheWritePerMillion", cacheWritePerMillion);
    }

    /**
     * Prices from decimal strings.
     *
     * @param input       per million uncached input tokens
     * @param output      per million output tokens
     * @param cachedInput per million cache-read tokens
     * @param cacheWrite  per million cache-write tokens
     * @return the price
     */
    public static ModelPrice of(String input, String output, String cachedInput, String cacheWrite) {
        return new ModelPrice(new BigDecimal(input), new BigDecimal(output), new BigDecimal(cachedInput), new BigDecimal(cacheWrite));
    }

    /** The cost of a call's usage, each kind of token at its own rate. @param usage the tokens @return dollars */
    public BigDecimal cost(Usage usage) {
        BigDecimal micro = inputPerMillion.multiply(BigDecimal.valueOf(usage.uncachedInputTokens()))
                .add(cachedInputPerMillion.multiply(BigDecimal.valueOf(usage.cachedInputTokens())))
                .add(cacheWritePerMillion.multiply(BigDecimal.valueOf(usage.cacheWriteTokens())))
                .add(outputPerMillion.multiply(BigDecimal.valueOf(usage.outputTokens())));
        return micro.divide(MILLION, MathContext.DECIMAL64).stripTrailingZeros();
    }

    /**
     * The most a call can cost: every prompt token uncached (or written to the cache, if dearer) and
     * every allowed output token produced.
     *
     * @param promptTokens    estimated prompt tokens
     * @param maxOutputTokens the output limit
     * @return dollars
     */
    public BigDecimal worstCase(long promptTokens, long maxOutputTokens) {
        BigDecimal in = inputPerMillion.max(cacheWritePerMillion);
        return in.multiply(BigDecimal.valueOf(promptTokens)).add(outputPerMillion.multiply(BigDecimal.valueOf(maxOutputTokens)))
                .divide(MILLION, MathContext.DECIMAL64).stripTrailingZeros();
    }

    private static void check(String name, BigDecimal v) {
        Objects.requireNonNull(v, name);
        if (v.signum() < 0) {
            throw new IllegalArgumentException(name + " must be >= 0, was " + v);
        }
    }
}
