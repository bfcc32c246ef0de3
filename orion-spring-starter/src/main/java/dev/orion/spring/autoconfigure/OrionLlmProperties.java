package dev.orion.spring.autoconfigure;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code orion.llm.*} properties: the providers ORION may call, the models the router routes to,
 * and the profile file. With no model configured there is no router, and ORION runs without a chat
 * model. See docs/llm.md for the router itself.
 *
 * <pre>
 * orion.llm.providers.openai.kind=openai
 * orion.llm.providers.openai.base-url=https://api.openai.com/v1
 * orion.llm.providers.openai.api-key=${OPENAI_API_KEY}
 * orion.llm.models.fast.provider=openai
 * orion.llm.models.fast.id=gpt-4o-mini
 * orion.llm.profiles=classpath:llm-profiles.yaml
 * </pre>
 *
 * @param providers      The provider endpoints, by name.
 * @param models         The models profiles may name, by router name.
 * @param profiles       The profile file (classpath:... or file:...); when not set, no
 *                       profiles, requests then name a model.
 * @param reloadInterval How often a file: profile file is checked for changes and reloaded; zero
 *                       (the default) never reloads.
 * @param persist        Whether the router keeps its call log, cache, budgets and rate limits in ORION's
 *                       store (otherwise in memory, for one JVM).
 */
@ConfigurationProperties("orion.llm")
public record OrionLlmProperties(
        Map<String, Provider> providers,
        Map<String, Model> models,
        String profiles,
        @DefaultValue("0s") Duration reloadInterval,
        @DefaultValue("true") boolean persist) {

    /** Replaces absent maps by empty ones. */
    public OrionLlmProperties {
        providers = providers == null ? Map.of() : Map.copyOf(providers);
        models = models == null ? Map.of() : Map.copyOf(models);
    }

    /** The wire protocol of a provider endpoint. */
    public enum ProviderKind {
        /** OpenAI chat completions, also OpenRouter, vLLM, llama.cpp server, LiteLLM ({@code base-url} with {@code /v1}). */
        OPENAI,
        /** Anthropic Messages ({@code base-url} without {@code /v1}). */
        ANTHROPIC,
        /** Ollama ({@code base-url} without {@code /api}). */
        OLLAMA
    }

    /**
     * One provider endpoint.
     *
     * @param kind             Its wire protocol.
     * @param baseUrl          Its http(s) base URL.
     * @param apiKey           Its API key (never logged); when not set, requests carry none.
     * @param connectTimeout   The connect timeout.
     * @param readTimeout      The longest silence between two reads.
     * @param callTimeout      The longest a whole call may take.
     * @param headers          Extra headers sent with every request.
     * @param defaultMaxTokens The max_tokens sent when a request has none and the provider needs one.
     * @param legacyMaxTokens  Whether an OpenAI-compatible request sends the deprecated max_tokens
     *                         instead of max_completion_tokens.
     */
    public record Provider(
            @DefaultValue("openai") ProviderKind kind,
            String baseUrl,
            String apiKey,
            @DefaultValue("10s") Duration connectTimeout,
            @DefaultValue("60s") Duration readTimeout,
            @DefaultValue("300s") Duration callTimeout,
            Map<String, String> headers,
            @DefaultValue("4096") int defaultMaxTokens,
            @DefaultValue("false") boolean legacyMaxTokens) {

        /** Replaces absent headers by none. */
        public Provider {
            headers = headers == null ? Map.of() : Map.copyOf(headers);
        }

        @Override
        public String toString() {
            return "Provider[kind=" + kind + ", baseUrl=" + baseUrl + ", apiKey=" + (apiKey == null ? "none" : "***") + "]";
        }
    }

    /**
     * One model the router may call.
     *
     * @param provider      The name of its provider under orion.llm.providers.
     * @param id            The model id sent to the provider; when not set, the model's router name.
     * @param contextWindow The most tokens prompt plus answer may have.
     */
    public record Model(String provider, String id, @DefaultValue("128000") int contextWindow) {
    }
}
