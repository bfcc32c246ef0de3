package dev.orion.llm;

/** Why the model stopped producing output, normalised over the providers' vocabularies. */
public enum FinishReason {
    /** A natural end (OpenAI {@code stop}, Anthropic {@code end_turn}/{@code stop_sequence}, Ollama {@code stop}). */
    STOP,
    /** The output limit was hit ({@code length}, {@code max_tokens}). */
    LENGTH,
    /** The model asked for tool calls ({@code tool_calls}, {@code tool_use}). */
    TOOL_CALLS,
    /** The provider's content filter cut the answer. */
    CONTENT_FILTER,
    /** The model refused ({@code refusal}). */
    REFUSAL,
    /** A long-running turn was paused and may be continued ({@code pause_turn}). */
    PAUSE,
    /** The context window filled up during generation ({@code model_context_window_exceeded}). */
    CONTEXT_WINDOW_EXCEEDED,
    /** Anything else (e.g. Ollama {@code load}/{@code unload}). */
    OTHER
}
