package dev.orion.llm.provider;

import dev.orion.llm.ChatModel;
import java.time.Clock;
import okhttp3.OkHttpClient;

/**
 * Builds {@link ChatModel}s for provider endpoints.
 *
 * <pre>{@code
 * ChatModel openai = Providers.openAiCompatible(ProviderSettings.builder()
 *         .baseUrl("https://api.openai.com/v1").apiKey(System.getenv("OPENAI_API_KEY")).build());
 * }</pre>
 *
 * <p>All models share one connection pool and dispatcher, as OkHttp recommends. The OpenAI-compatible and
 * Ollama models are also {@link dev.orion.llm.EmbeddingModel}s ({@code POST {baseUrl}/embeddings},
 * {@code POST {baseUrl}/api/embed}), which the router uses for embedding requests; the Anthropic model answers
 * an embedding request with a {@link dev.orion.llm.LlmConfigurationException}.
 */
public final class Providers {

    private static final OkHttpClient SHARED = new OkHttpClient();

    private Providers() {
    }

    /**
     * OpenAI chat completions ({@code POST {baseUrl}/chat/completions}, bearer key), also served by
     * OpenRouter, vLLM, llama.cpp server and the LiteLLM proxy. Give the base URL with its {@code /v1}.
     *
     * @param settings endpoint, key and timeouts
     * @return the model
     */
    public static ChatModel openAiCompatible(ProviderSettings settings) {
        return build(new OpenAiFormat(), settings);
    }

    /**
     * Anthropic Messages ({@code POST {baseUrl}/v1/messages}, {@code x-api-key},
     * {@code anthropic-version: 2023-06-01}). Give the base URL without {@code /v1}.
     *
     * @param settings endpoint, key and timeouts
     * @return the model
     */
    public static ChatModel anthropic(ProviderSettings settings) {
        return build(new AnthropicFormat(), settings);
    }

    /**
     * Ollama ({@code POST {baseUrl}/api/chat}, NDJSON streams). Give the base URL without {@code /api}.
     *
     * @param settings endpoint and timeouts
     * @return the model
     */
    public static ChatModel ollama(ProviderSettings settings) {
        return build(new OllamaFormat(), settings);
    }

    private static ChatModel build(WireFormat format, ProviderSettings settings) {
        OkHttpClient client = SHARED.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .readTimeout(settings.readTimeout())
                .writeTimeout(settings.readTimeout())
                .callTimeout(settings.callTimeout())
                // the router owns retries: OkHttp's silent retry (e.g. of a 408) would hide failures and double calls
                .retryOnConnectionFailure(false)
                .build();
        return new HttpChatModel(format, settings, client, Clock.systemUTC());
    }
}
