package dev.orion.llm.router.store;

import dev.orion.llm.router.cache.CacheStore;
import dev.orion.llm.router.cache.CachedAnswer;
import dev.orion.llm.internal.ResponseJson;
import dev.orion.store.LlmCacheEntry;
import dev.orion.store.LlmCacheGenerations;
import dev.orion.tenant.TenantId;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A {@link CacheStore} over each tenant's {@code LlmCacheStore}; answers are stored as versioned JSON. */
final class StoreCacheStore implements CacheStore {

    private static final Logger LOG = LoggerFactory.getLogger(StoreCacheStore.class);

    private final RouterStores stores;
    private final Clock clock;

    StoreCacheStore(RouterStores stores, Clock clock) {
        this.stores = stores;
        this.clock = clock;
    }

    @Override
    public Optional<CachedAnswer> get(TenantId tenant, String key) {
        Optional<LlmCacheEntry> entry = stores.tenant(tenant).llmCache().get(key);
        if (entry.isEmpty() || entry.get().isExpiredAt(clock.instant())) {
            return Optional.empty();
        }
        LlmCacheEntry e = entry.get();
        try {
            return Optional.of(new CachedAnswer(key, tenant, e.profile(), ResponseJson.read(e.value()), e.createdAt(),
                    e.expiresAt().orElse(java.time.Instant.MAX)));
        } catch (IllegalArgumentException unreadable) {
            // an entry written by another version is a miss, not a failed call
            LOG.warn("ignoring unreadable cache entry {} of tenant {}: {}", key, tenant, unreadable.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public void put(CachedAnswer answer) {
        stores.tenant(answer.tenant()).llmCache().put(new LlmCacheEntry(answer.key(), ResponseJson.write(answer.response()),
                answer.profile(), answer.createdAt(), Optional.of(answer.expiresAt())));
    }

    @Override
    public long invalidateProfile(TenantId tenant, String profile) {
        return stores.tenant(tenant).llmCache().invalidateProfile(profile);
    }

    @Override
    public long invalidateTenant(TenantId tenant) {
        return stores.tenant(tenant).llmCache().invalidateAll();
    }

    @Override
    public LlmCacheGenerations generations(TenantId tenant) {
        return stores.tenant(tenant).llmCache().generations();
    }
}
