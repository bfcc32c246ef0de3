package dev.orion.llm.router.cache;

import dev.orion.tenant.TenantId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link CacheStore} in this JVM's memory. Thread-safe. */
public final class InMemoryCacheStore implements CacheStore {

    private final Map<String, CachedAnswer> entries = new ConcurrentHashMap<>();

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
        return before - entries.size();
    }

    @Override
    public long invalidateTenant(TenantId tenant) {
        long before = entries.size();
        entries.values().removeIf(a -> a.tenant().equals(tenant));
        return before - entries.size();
    }

    /** How many entries are stored. */
    public int size() {
        return entries.size();
    }
}
