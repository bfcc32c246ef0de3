package dev.orion.store.memory;

import dev.orion.store.LlmCacheEntry;
import dev.orion.store.LlmCacheGenerations;
import dev.orion.store.LlmCacheStore;
import dev.orion.store.StoreArguments;
import dev.orion.tenant.Principal;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

final class MemoryLlmCacheStore implements LlmCacheStore {

    private static final String TYPE = "llm-cache";
    private final MemoryTenant t;
    private final Principal actor;

    MemoryLlmCacheStore(MemoryTenant t, Principal actor) {
        this.t = t;
        this.actor = actor;
    }

    @Override
    public Optional<LlmCacheEntry> get(String key) {
        LlmCacheEntry.requireKey(key);
        synchronized (t) {
            return Optional.ofNullable(t.cache.get(key)).filter(e -> !e.isExpiredAt(t.clock.instant()));
        }
    }

    @Override
    public void put(LlmCacheEntry entry) {
        Objects.requireNonNull(entry, "entry");
        synchronized (t) {
            t.cache.put(entry.key(), entry);
        }
    }

    @Override
    public boolean invalidate(String key) {
        LlmCacheEntry.requireKey(key);
        synchronized (t) {
            LlmCacheEntry removed = t.cache.remove(key);
            if (removed == null) {
                return false;
            }
            t.cacheGenerations = t.cacheGenerations.advanceProfile(removed.profile());
            t.audit(actor, "invalidate", TYPE, key, Map.of());
            return true;
        }
    }

    @Override
    public long invalidateProfile(String profile) {
        StoreArguments.text("profile", profile, 200);
        synchronized (t) {
            long before = t.cache.size();
            t.cache.values().removeIf(e -> e.profile().equals(profile));
            long removed = before - t.cache.size();
            t.cacheGenerations = t.cacheGenerations.advanceProfile(profile);
            t.audit(actor, "invalidate", TYPE, "profile:" + profile, Map.of("removed", Long.toString(removed)));
            return removed;
        }
    }

    @Override
    public long invalidateAll() {
        synchronized (t) {
            long removed = t.cache.size();
            t.cache.clear();
            t.cacheGenerations = t.cacheGenerations.advanceTenant();
            t.audit(actor, "invalidate", TYPE, "*", Map.of("removed", Long.toString(removed)));
            return removed;
        }
    }

    @Override
    public LlmCacheGenerations generations() {
        synchronized (t) {
            return t.cacheGenerations;
        }
    }

    @Override
    public long purgeExpired() {
        synchronized (t) {
            long before = t.cache.size();
            t.cache.values().removeIf(e -> e.isExpiredAt(t.clock.instant()));
            return before - t.cache.size();
        }
    }

    @Override
    public long size() {
        synchronized (t) {
            return t.cache.size();
        }
    }
}
