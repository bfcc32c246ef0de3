package dev.orion.llm.router;

import dev.orion.llm.ChatChunk;
import dev.orion.llm.ChatRequest;
import dev.orion.llm.ChatResponse;
import dev.orion.llm.internal.CacheKeys;
import dev.orion.llm.internal.ResponseCache;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Answers from the cache when the profile caches and the request allows it; coalesces identical misses. */
final class CacheLink implements RouterLink {

    private final ResponseCache cache;

    CacheLink(ResponseCache cache) {
        this.cache = cache;
    }

    @Override
    public ChatResponse intercept(Chain chain) {
        RoutedCall call = chain.call();
        Profile profile = call.profile();
        ChatRequest request = chain.request();
        if (!profile.cache().enabled()) {
            return chain.proceed(request);
        }
        String key = CacheKeys.key(call.context(), profile.name(), modelIds(call.routes()), request);
        if (!call.context().noCache()) {
            Optional<ChatResponse> hit = cache.get(call.tenant(), key);
            if (hit.isPresent()) {
                return served(call, hit.get());
            }
        }
        if (call.streaming() || call.context().noCache()) {
            return store(call, key, request, chain.proceed(request));
        }
        boolean[] storedMeanwhile = {false};
        Optional<ResponseCache.Flight> flight = cache.singleFlight(key, () -> {
            // a caller that missed just before the previous leader stored its answer must not call again
            Optional<ChatResponse> again = cache.get(call.tenant(), key);
            if (again.isPresent()) {
                storedMeanwhile[0] = true;
                return again.get();
            }
            return store(call, key, request, chain.proceed(request));
        });
        if (flight.isEmpty()) {
            return store(call, key, request, chain.proceed(request));
        }
        boolean upstream = flight.get().leader() && !storedMeanwhile[0];
        return upstream ? flight.get().response() : served(call, flight.get().response());
    }

    /** Each route as {@code name=provider/providerModel}: the answering model, not only its route name, is in the key. */
    private static List<String> modelIds(List<ModelRoute> routes) {
        List<String> ids = new ArrayList<>(routes.size());
        for (ModelRoute r : routes) {
            ids.add(r.name() + "=" + r.provider() + "/" + r.providerModel());
        }
        return ids;
    }

    private ChatResponse store(RoutedCall call, String key, ChatRequest request, ChatResponse response) {
        if (!call.context().noStore()) {
            cache.put(call.tenant(), call.profile().name(), key, response, call.profile().cache().ttl());
        }
        return response;
    }

    private static ChatResponse served(RoutedCall call, ChatResponse cached) {
        call.markCacheHit();
        if (!cached.modelsTried().isEmpty()) {
            call.tried(cached.modelsTried().get(cached.modelsTried().size() - 1));
        }
        if (call.streaming() && !cached.text().isEmpty()) {
            call.listener().onChunk(new ChatChunk(0, ChatChunk.Kind.TEXT, cached.text()));
        }
        return cached.asCacheHit().withModelsTried(List.of());
    }
}
