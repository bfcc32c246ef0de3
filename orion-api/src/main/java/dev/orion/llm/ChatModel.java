package dev.orion.llm;

/**
 * Something that answers chat requests: a single provider endpoint or the ORION router.
 *
 * <p>Implementations are thread-safe and meant to be built once and shared, like an OkHttp client.
 * Failures are thrown as subclasses of {@link LlmException}, never as raw I/O exceptions.
 */
public interface ChatModel {

    /**
     * Sends the request and blocks until the whole answer is available.
     *
     * @param request what to ask
     * @return the answer
     * @throws LlmException when the call fails; {@link LlmException#retryable()} says whether trying again may help
     */
    ChatResponse chat(ChatRequest request);

    /**
     * Sends the request and hands each piece of the answer to {@code listener} as it arrives, then
     * returns the assembled answer (the same value {@link #chat} would have returned).
     *
     * <p>A failure after the first chunk was delivered is a {@link StreamInterruptedException}: the
     * answer is never silently cut short.
     *
     * @param request  what to ask
     * @param listener receives the chunks, on the calling thread, in order
     * @return the complete answer
     */
    ChatResponse stream(ChatRequest request, ChatStreamListener listener);
}
