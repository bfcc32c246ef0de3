package dev.orion.llm.router.cache;

import dev.orion.store.LlmCacheGenerations;
import dev.orion.tenant.TenantId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link CacheStore} in this JVM's memory, which routers of this JVM may share. Thread-safe. */
public final class InMemoryCacheStore implements CacheStore {

    private final Map<String, CachedAnswer> entries = new ConcurrentHashMap<>();
    private final Map<TenantId, LlmCacheGenerations> generations = new ConcurrentHashMap<>();

    @Override
    public Optional<CachedAnswer> get(TenantId tenant, String key) {
        CachedAnswer a = entries.get(tenant.value() + "\u0000" + key);
        return Optional.ofNullable(a);
    }

    @Override
    public void put(CachedAnswer answer) {
        entries.put(answer.tenant().value() + "\u0000" + answer.key(), answer);
    }

    @Override
    public long invalidateProfile(TenantId tenant, String profile) {
        long before = entries.size();
        entries.values().removeIf(a -> a.tenant().equals(tenant) && a.profile().equals(profile));
        long removed = before - entries.size();
        // after the removal: whoever sees the new generation no longer finds the entries here
        generations.merge(tenant, LlmCacheGenerations.NONE.advanceProfile(profile), (g, unused) -> g.advanceProfile(profile));
        return removed;
    }

    @Override
    public long invalidateTenant(TenantId tenant) {
        long before = entries.size();
        entries.values().removeIf(a -> a.tenant().equals(tenant));
        long removed = before - entries.size();
        generations.merge(tenant, LlmCacheGenerations.NONE.advanceTenant(), (g, unused) -> g.advanceTenant());
        return removed;
    }

    @Override
    public LlmCacheGenerations generations(TenantId tenant) {
        return generations.getOrDefault(tenant, LlmCacheGenerations.NONE);
    }

    /** How many entries are stored. */
    public int size() {
        return entries.size();
    }
}
