package dev.orion.store.jdbc;

import dev.orion.store.ApiKeyStore;
import dev.orion.store.IssuedApiKey;
import dev.orion.store.NewApiKey;
import dev.orion.store.internal.ApiKeyFormat;
import dev.orion.tenant.ApiKey;
import dev.orion.tenant.Principal;
import dev.orion.tenant.RateLimit;
import dev.orion.tenant.TenantId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import java.util.TreeSet;

final class JdbcApiKeyStore implements ApiKeyStore {

    private static final String TYPE = "api-key";
    static final String SELECT = "SELECT tenant_id, id, name, scopes, secret_hash, created_by, created_at, expires_at, revoked_at,"
            + " last_used_at, rate_capacity, rate_refill, rate_period_ms FROM api_keys";
    private final View v;

    JdbcApiKeyStore(View v) {
        this.v = v;
    }

    static ApiKey map(ResultSet rs) throws SQLException {
        long capacity = rs.getLong("rate_capacity");
        Optional<RateLimit> limit = rs.wasNull() ? Optional.empty()
                : Optional.of(new RateLimit(capacity, rs.getLong("rate_refill"), Duration.ofMillis(rs.getLong("rate_period_ms"))));
        return new ApiKey(rs.getString("id"), TenantId.of(rs.getString("tenant_id")), rs.getString("name"),
                JsonColumns.stringSet(rs.getString("scopes")), Principal.parse(rs.getString("created_by")),
                Columns.instant(rs, "created_at"), Columns.optionalInstant(rs, "expires_at"),
                Columns.optionalInstant(rs, "revoked_at"), Columns.optionalInstant(rs, "last_used_at"), limit);
    }

    @Override
    public IssuedApiKey issue(NewApiKey k) {
        Objects.requireNonNull(k, "key");
        ApiKeyFormat.Parsed generated = ApiKeyFormat.generate(v.tenant());
        return v.tx("issue API key", c -> {
            Instant now = v.now();
            ApiKey key = new ApiKey(generated.id(), v.tenant(), k.name(), k.scopes(), v.actor(), now, k.expiresAt(),
                    Optional.empty(), Optional.empty(), k.rateLimit());
            Queries.update(c, "INSERT INTO api_keys (tenant_id, id, name, scopes, secret_hash, created_by, created_at, expires_at,"
                            + " rate_capacity, rate_refill, rate_period_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    v.t(), key.id(), key.name(), JsonColumns.write(key.scopes()), ApiKeyFormat.hash(generated.text()),
                    v.actor().toString(), now, key.expiresAt(), k.rateLimit().map(RateLimit::capacity),
                    k.rateLimit().map(RateLimit::refillTokens), k.rateLimit().map(l -> l.refillPeriod().toMillis()));
            v.audit(c, now, "issue", TYPE, key.id(), Map.of("name", key.name(), "scopes", String.join(",", new TreeSet<>(key.scopes()))));
            return new IssuedApiKey(key, generated.text());
        });
    }

    @Override
    public Optional<ApiKey> find(String id) {
        Objects.requireNonNull(id, "id");
        return v.tx("find API key", c -> Queries.one(c, SELECT + " WHERE tenant_id = ? AND id = ?", JdbcApiKeyStore::map, v.t(), id));
    }

    @Override
    public List<ApiKey> list() {
        return v.tx("list API keys", c -> Queries.list(c, SELECT + " WHERE tenant_id = ? ORDER BY seq", List.of(v.t()), JdbcApiKeyStore::map));
    }

    @Override
    public boolean revoke(String id) {
        Objects.requireNonNull(id, "id");
        return v.tx("revoke API key", c -> {
            Instant now = v.now();
            if (Queries.update(c, "UPDATE api_keys SET revoked_at = ? WHERE tenant_id = ? AND id = ? AND revoked_at IS NULL",
                    now, v.t(), id) == 0) {
                return false;
            }
            v.audit(c, now, "revoke", TYPE, id, Map.of());
            return true;
        });
    }

}
