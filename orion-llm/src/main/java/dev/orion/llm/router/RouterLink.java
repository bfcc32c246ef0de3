package dev.orion.llm.router;

import dev.orion.llm.ChatRequest;
import dev.orion.llm.ChatResponse;

/**
 * One link of the router's chain, in the spirit of OkHttp's {@code Interceptor}: it sees the request,
 * may answer it itself (the cache does), change it, or pass it on with {@link Chain#proceed}.
 *
 * <p>The built-in chain is: cache, your links ({@link LlmRouter.Builder#addLink}), rate limit, budget,
 * fallback (one {@code proceed} per model), retry (per model), and the model call.
 */
@FunctionalInterface
public interface RouterLink {

    /**
     * Handles one call.
     *
     * @param chain the rest of the chain
     * @return the answer
     */
    ChatResponse intercept(Chain chain);

    /** The rest of the chain as one link sees it. */
    interface Chain {

        /** The request as it reaches this link. */
        ChatRequest request();

        /** The call being routed: tenant, profile, models, what happened so far. */
        RoutedCall call();

        /**
         * Passes a request to the next link.
         *
         * @param request the request (possibly changed)
         * @return the answer
         */
        ChatResponse proceed(ChatRequest request);
    }
}
