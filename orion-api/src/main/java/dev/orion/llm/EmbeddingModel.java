package dev.orion.llm;

/**
 * Something that turns texts into embedding vectors: a single provider endpoint or the ORION router.
 *
 * <p>Like {@link ChatModel}, every call carries its {@link CallContext}; the router budgets, caches and
 * records by it. Code acting for a tenant holds a {@link TenantEmbeddings}, which supplies the context.
 * Implementations are thread-safe and meant to be shared. Failures are subclasses of {@link LlmException}.
 */
public interface EmbeddingModel {

    /**
     * Embeds the request's inputs, one vector per input, in input order.
     *
     * @param request the texts and the profile or model
     * @param context who the call is for
     * @return the vectors and the tokens they cost
     * @throws LlmException when the call fails; {@link LlmException#retryable()} says whether trying again may help
     */
    EmbeddingResponse embed(EmbeddingRequest request, CallContext context);
}
