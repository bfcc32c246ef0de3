package dev.orion.store.memory;

import dev.orion.store.ResponseCacheStore;
import dev.orion.store.StoreArguments;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

final class MemoryResponseCacheStore implements ResponseCacheStore {

    /** One stored answer. */
    record Cached(String body, Instant expiresAt) {
    }

    private final MemoryTenant t;

    MemoryResponseCacheStore(MemoryTenant t) {
        this.t = t;
    }

    @Override
    public void put(String key, String body, Instant expiresAt) {
        StoreArguments.text("key", key, MAX_KEY_LENGTH);
        Cached cached = new Cached(Objects.requireNonNull(body, "body"), Objects.requireNonNull(expiresAt, "expiresAt"));
        synchronized (t) {
            t.responses.put(key, cached);
        }
    }

    @Override
    public Optional<String> get(String key) {
        StoreArguments.text("key", key, MAX_KEY_LENGTH);
        synchronized (t) {
            Instant now = t.clock.instant();
            return Optional.ofNullable(t.responses.get(key)).filter(c -> c.expiresAt().isAfter(now)).map(Cached::body);
        }
    }

    @Override
    public long purgeExpired() {
        synchronized (t) {
            Instant now = t.clock.instant();
            long before = t.responses.size();
            t.responses.values().removeIf(c -> !c.expiresAt().isAfter(now));
            return before - t.responses.size();
        }
    }

    @Override
    public long size() {
        synchronized (t) {
            return t.responses.size();
        }
    }
}
