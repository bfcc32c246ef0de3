package dev.orion.llm.router.cache;

import dev.orion.store.LlmCacheGenerations;
import dev.orion.tenant.TenantId;
import java.util.Optional;

/**
 * The system of record behind the response cache (Caffeine sits in front of it). Implementations:
 * {@link InMemoryCacheStore}, and the store-backed one over {@code dev.orion.store.LlmCacheStore}.
 *
 * <p>Every invalidation advances the tenant's {@link #generations}, no earlier than it removes the
 * entries: a router whose memory layer holds an answer stamped with an older generation stops serving
 * it, so an invalidation through one router reaches every router sharing the store.
 */
public interface CacheStore {

    /** @param tenant the tenant @param key the key @return the entry, if stored (expired entries may be returned) */
    Optional<CachedAnswer> get(TenantId tenant, String key);

    /** @param answer the entry to store, replacing one with the same key */
    void put(CachedAnswer answer);

    /** @param tenant the tenant @param profile the profile @return how many entries were removed (the profile's generation advances) */
    long invalidateProfile(TenantId tenant, String profile);

    /** @param tenant the tenant @return how many entries were removed (the tenant's generation advances) */
    long invalidateTenant(TenantId tenant);

    /** @param tenant the tenant @return how many times its entries were invalidated, as a whole and per profile */
    LlmCacheGenerations generations(TenantId tenant);
}
