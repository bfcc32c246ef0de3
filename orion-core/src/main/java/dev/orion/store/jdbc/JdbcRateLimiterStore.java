package dev.orion.store.jdbc;

import dev.orion.store.RateDecision;
import dev.orion.store.RateLimiterStore;
import dev.orion.store.internal.ApiKeyChecks;
import dev.orion.store.internal.TokenBucket;
import dev.orion.tenant.RateLimit;
import dev.orion.tenant.TenantId;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

final class JdbcRateLimiterStore implements RateLimiterStore {

    private static final String RESET_TYPE = "rate-limit";
    private final View v;

    JdbcRateLimiterStore(View v) {
        this.v = v;
    }

    /**
     * Takes tokens under a row lock, so concurrent callers in any JVM see one bucket. Runs inside the
     * caller's transaction (API-key checks reuse it).
     */
    static RateDecision acquire(Connection c, TenantId tenant, String bucket, RateLimit limit, long permits, Instant now)
            throws SQLException {
        String select = "SELECT tokens, updated_at FROM rate_buckets WHERE tenant_id = ? AND bucket = ? FOR UPDATE";
        var state = Queries.one(c, select, rs -> new TokenBucket(rs.getDouble("tokens"), Columns.instant(rs, "updated_at")),
                tenant.value(), bucket);
        if (state.isEmpty()) {
            Queries.update(c, "INSERT INTO rate_buckets (tenant_id, bucket, tokens, updated_at) VALUES (?, ?, ?, ?)"
                    + " ON CONFLICT DO NOTHING", tenant.value(), bucket, (double) limit.capacity(), now);
            state = Queries.one(c, select, rs -> new TokenBucket(rs.getDouble("tokens"), Columns.instant(rs, "updated_at")),
                    tenant.value(), bucket);
        }
        TokenBucket.Result r = state.orElseThrow().acquire(limit, permits, now);
        Queries.update(c, "UPDATE rate_buckets SET tokens = ?, updated_at = ? WHERE tenant_id = ? AND bucket = ?",
                r.state().tokens(), r.state().updatedAt(), tenant.value(), bucket);
        return r.decision();
    }

    @Override
    public RateDecision tryAcquire(String bucket, RateLimit limit, long permits) {
        ApiKeyChecks.tenantBucket(bucket);
        Objects.requireNonNull(limit, "limit");
        if (permits < 1 || permits > limit.capacity()) {
            throw new IllegalArgumentException("permits must be 1.." + limit.capacity() + ", got " + permits);
        }
        return v.tx("acquire rate limit", c -> acquire(c, v.tenant(), bucket, limit, permits, v.now()));
    }

    @Override
    public void reset(String bucket) {
        ApiKeyChecks.tenantBucket(bucket);
        v.tx("reset rate limit", c -> {
            Queries.update(c, "DELETE FROM rate_buckets WHERE tenant_id = ? AND bucket = ?", v.t(), bucket);
            return v.audit(c, v.now(), "reset", RESET_TYPE, bucket, Map.of());
        });
    }
}
