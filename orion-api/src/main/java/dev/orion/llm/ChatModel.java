package dev.orion.llm;

/**
 * Something that answers chat requests: a single provider endpoint or the ORION router.
 *
 * <p>Every call carries its {@link CallContext}: the tenant it is for and billed to, and what it is for
 * (project, run, feature). The router budgets, rate-limits, caches and records by it; a provider sends
 * only the {@link ChatRequest} and uses the context for nothing but its logs. Code acting for a tenant
 * does not call a model directly but holds a {@link TenantChat}, which supplies the context.
 *
 * <p>Implementations are thread-safe and meant to be built once and shared, like an OkHttp client.
 * Failures are thrown as subclasses of {@link LlmException}, never as raw I/O exceptions.
 */
public interface ChatModel {

    /**
     * Sends the request and blocks until the whole answer is available.
     *
     * @param request what to ask
     * @param context who the call is for
     * @return the answer
     * @throws LlmException when the call fails; {@link LlmException#retryable()} says whether trying again may help
     */
    ChatResponse chat(ChatRequest request, CallContext context);

    /**
     * Sends the request and hands each piece of the answer to {@code listener} as it arrives, then
     * returns the assembled answer (the same value {@link #chat} would have returned).
     *
     * <p>A failure after the first chunk was delivered is a {@link StreamInterruptedException}: the
     * answer is never silently cut short.
     *
     * @param request  what to ask
     * @param context  who the call is for
     * @param listener receives the chunks, on the calling thread, in order
     * @return the complete answer
     */
    ChatResponse stream(ChatRequest request, CallContext context, ChatStreamListener listener);
}
