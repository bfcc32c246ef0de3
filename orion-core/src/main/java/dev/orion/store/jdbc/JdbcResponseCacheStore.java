package dev.orion.store.jdbc;

import dev.orion.store.ResponseCacheStore;
import dev.orion.store.StoreArguments;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

final class JdbcResponseCacheStore implements ResponseCacheStore {

    private final View v;

    JdbcResponseCacheStore(View v) {
        this.v = v;
    }

    @Override
    public void put(String key, String body, Instant expiresAt) {
        StoreArguments.text("key", key, MAX_KEY_LENGTH);
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Instant now = v.now();
        v.tx("write response cache", c -> {
            String update = "UPDATE response_cache SET body = ?, stored_at = ?, expires_at = ? WHERE tenant_id = ? AND cache_key = ?";
            if (Queries.update(c, update, body, now, expiresAt, v.t(), key) == 0
                    && Queries.update(c, "INSERT INTO response_cache (tenant_id, cache_key, body, stored_at, expires_at)"
                    + " VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", v.t(), key, body, now, expiresAt) == 0) {
                // another writer inserted the key between our UPDATE and INSERT: last writer wins
                Queries.update(c, update, body, now, expiresAt, v.t(), key);
            }
            return null;
        });
    }

    @Override
    public Optional<String> get(String key) {
        StoreArguments.text("key", key, MAX_KEY_LENGTH);
        Instant now = v.now();
        return v.tx("read response cache", c -> Queries.one(c, "SELECT body FROM response_cache"
                + " WHERE tenant_id = ? AND cache_key = ? AND expires_at > ?", rs -> rs.getString(1), v.t(), key, now));
    }

    @Override
    public long purgeExpired() {
        Instant now = v.now();
        return v.tx("purge response cache", c -> (long) Queries.update(c,
                "DELETE FROM response_cache WHERE tenant_id = ? AND expires_at <= ?", v.t(), now));
    }

    @Override
    public long size() {
        return v.tx("size response cache", c -> Queries.count(c, "response_cache", Where.tenant("tenant_id", v.t())));
    }
}
