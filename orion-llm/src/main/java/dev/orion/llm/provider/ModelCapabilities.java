package dev.orion.llm.provider;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a model accepts beyond the common request fields, so that a profile-wide parameter never breaks every
 * call to a model that refuses it. The built-in table knows Anthropic's models by id pattern; a provider's
 * settings can override it ({@link ProviderSettings.Builder#modelCapabilities}).
 *
 * @param fixedSampling    the model accepts no sampling choices: {@code temperature} other than 1.0 and
 *                         {@code top_p} below 0.99 are refused with HTTP 400 (Claude models after Opus 4.6), so
 *                         ORION leaves them out of the request (logged at DEBUG)
 * @param structuredOutput the model takes a JSON schema for its answer natively (Anthropic
 *                         {@code output_config.format}); without it the schema becomes an instruction
 */
public record ModelCapabilities(boolean fixedSampling, boolean structuredOutput) {

    /** A model that takes every sampling parameter and has no native structured output. */
    public static final ModelCapabilities DEFAULT = new ModelCapabilities(false, false);

    /** Claude model ids, matched against the start of the id (dated ids such as {@code -20250929} follow). */
    private static final Map<Pattern, ModelCapabilities> BUILT_IN = Map.of(
            // Opus 4.7 and later, and any Claude 5 or later: fixed sampling, structured output
            Pattern.compile("claude-(opus-4-([7-9]|\\d{2,})|(opus|sonnet|haiku)-([5-9]|\\d{2,}))\\b.*"),
            new ModelCapabilities(true, true),
            // the 4.5 and 4.6 generation: structured output, free sampling
            Pattern.compile("claude-(opus|sonnet|haiku)-4-[56]\\b.*"), new ModelCapabilities(false, true));

    /**
     * The capabilities of a model: the first override whose pattern matches the whole id, else the built-in
     * table, else {@link #DEFAULT}.
     */
    static ModelCapabilities of(String model, List<Map.Entry<Pattern, ModelCapabilities>> overrides) {
        for (Map.Entry<Pattern, ModelCapabilities> e : overrides) {
            if (e.getKey().matcher(model).matches()) {
                return e.getValue();
            }
        }
        for (Map.Entry<Pattern, ModelCapabilities> e : BUILT_IN.entrySet()) {
            if (e.getKey().matcher(model).matches()) {
                return e.getValue();
            }
        }
        return DEFAULT;
    }
}
