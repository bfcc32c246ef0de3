package dev.orion.llm.router.cache;

import dev.orion.tenant.TenantId;
import java.util.Optional;

/**
 * The system of record behind the response cache (Caffeine sits in front of it). Implementations:
 * {@link InMemoryCacheStore}, and the store-backed one over {@code dev.orion.store.LlmCacheStore}.
 */
public interface CacheStore {

    /** @param tenant the tenant @param key the key @return the entry, if stored (expired entries may be returned) */
    Optional<CachedAnswer> get(TenantId tenant, String key);

    /** @param answer the entry to store, replacing one with the same key */
    void put(CachedAnswer answer);

    /** @param tenant the tenant @param profile the profile @return how many entries were removed */
    long invalidateProfile(TenantId tenant, String profile);

    /** @param tenant the tenant @return how many entries were removed */
    long invalidateTenant(TenantId tenant);
}
