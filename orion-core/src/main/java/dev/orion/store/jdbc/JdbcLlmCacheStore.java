package dev.orion.store.jdbc;

import dev.orion.store.LlmCacheEntry;
import dev.orion.store.LlmCacheGenerations;
import dev.orion.store.LlmCacheStore;
import dev.orion.store.StoreArguments;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

final class JdbcLlmCacheStore implements LlmCacheStore {

    private static final String TYPE = "llm-cache";
    /** The {@code llm_cache_generations} row counting invalidations of the whole tenant (no profile is blank). */
    private static final String WHOLE_TENANT = "";
    private final View v;

    JdbcLlmCacheStore(View v) {
        this.v = v;
    }

    private static LlmCacheEntry map(ResultSet rs) throws SQLException {
        return new LlmCacheEntry(rs.getString("cache_key"), rs.getString("cache_value"), rs.getString("profile"),
                Columns.instant(rs, "created_at"), Columns.optionalInstant(rs, "expires_at"));
    }

    @Override
    public Optional<LlmCacheEntry> get(String key) {
        LlmCacheEntry.requireKey(key);
        Instant now = v.now();
        return v.tx("read LLM cache", c -> Queries.one(c, "SELECT cache_key, cache_value, profile, created_at, expires_at FROM llm_cache"
                + " WHERE tenant_id = ? AND cache_key = ? AND (expires_at IS NULL OR expires_at > ?)", JdbcLlmCacheStore::map,
                v.t(), key, now));
    }

    @Override
    public void put(LlmCacheEntry e) {
        Objects.requireNonNull(e, "entry");
        v.tx("write LLM cache", c -> {
            String update = "UPDATE llm_cache SET cache_value = ?, profile = ?, created_at = ?, expires_at = ? WHERE tenant_id = ? AND cache_key = ?";
            if (Queries.update(c, update, e.value(), e.profile(), e.createdAt(), e.expiresAt(), v.t(), e.key()) == 0
                    && Queries.update(c, "INSERT INTO llm_cache (tenant_id, cache_key, cache_value, profile, created_at, expires_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", v.t(), e.key(), e.value(), e.profile(), e.createdAt(),
                    e.expiresAt()) == 0) {
                // another writer inserted the key between our UPDATE and INSERT: last writer wins
                Queries.update(c, update, e.value(), e.profile(), e.createdAt(), e.expiresAt(), v.t(), e.key());
            }
            return null;
        });
    }

    @Override
    public boolean invalidate(String key) {
        LlmCacheEntry.requireKey(key);
        return v.tx("invalidate LLM cache entry", c -> {
            Optional<String> profile = Queries.one(c, "SELECT profile FROM llm_cache WHERE tenant_id = ? AND cache_key = ?",
                    rs -> rs.getString(1), v.t(), key);
            if (profile.isEmpty()
                    || Queries.update(c, "DELETE FROM llm_cache WHERE tenant_id = ? AND cache_key = ?", v.t(), key) == 0) {
                return false;
            }
            advance(c, profile.get());
            v.audit(c, v.now(), "invalidate", TYPE, key, Map.of());
            return true;
        });
    }

    @Override
    public long invalidateProfile(String profile) {
        StoreArguments.text("profile", profile, 200);
        return v.tx("invalidate LLM cache profile", c -> {
            long n = Queries.update(c, "DELETE FROM llm_cache WHERE tenant_id = ? AND profile = ?", v.t(), profile);
            advance(c, profile);
            v.audit(c, v.now(), "invalidate", TYPE, "profile:" + profile, Map.of("removed", Long.toString(n)));
            return n;
        });
    }

    @Override
    public long invalidateAll() {
        return v.tx("invalidate LLM cache", c -> {
            long n = Queries.update(c, "DELETE FROM llm_cache WHERE tenant_id = ?", v.t());
            advance(c, WHOLE_TENANT);
            v.audit(c, v.now(), "invalidate", TYPE, "*", Map.of("removed", Long.toString(n)));
            return n;
        });
    }

    /** Counts one more invalidation of {@code profile} (or of the whole tenant), in the invalidation's transaction. */
    private void advance(Connection c, String profile) throws SQLException {
        String update = "UPDATE llm_cache_generations SET generation = generation + 1 WHERE tenant_id = ? AND profile = ?";
        if (Queries.update(c, update, v.t(), profile) == 0
                && Queries.update(c, "INSERT INTO llm_cache_generations (tenant_id, profile, generation) VALUES (?, ?, 1)"
                + " ON CONFLICT DO NOTHING", v.t(), profile) == 0) {
            // another invalidation created the row between our UPDATE and INSERT
            Queries.update(c, update, v.t(), profile);
        }
    }

    @Override
    public LlmCacheGenerations generations() {
        List<Map.Entry<String, Long>> rows = v.tx("read LLM cache generations", c -> Queries.list(c,
                "SELECT profile, generation FROM llm_cache_generations WHERE tenant_id = ?", List.of(v.t()),
                rs -> Map.entry(rs.getString("profile"), rs.getLong("generation"))));
        long tenant = 0;
        Map<String, Long> profiles = new HashMap<>();
        for (Map.Entry<String, Long> row : rows) {
            if (row.getKey().equals(WHOLE_TENANT)) {
                tenant = row.getValue();
            } else {
                profiles.put(row.getKey(), row.getValue());
            }
        }
        return new LlmCacheGenerations(tenant, profiles);
    }

    @Override
    public long purgeExpired() {
        Instant now = v.now();
        return v.tx("purge LLM cache", c -> (long) Queries.update(c,
                "DELETE FROM llm_cache WHERE tenant_id = ? AND expires_at <= ?", v.t(), now));
    }

    @Override
    public long size() {
        return v.tx("size LLM cache", c -> Queries.count(c, "llm_cache", Where.tenant("tenant_id", v.t())));
    }
}
