package dev.orion.store.memory;

import dev.orion.store.AdminStores;
import dev.orion.store.ApiKeyCheck;
import dev.orion.store.OrionStores;
import dev.orion.store.RateDecision;
import dev.orion.store.TenantStores;
import dev.orion.store.internal.ApiKeyChecks;
import dev.orion.store.internal.ApiKeyFormat;
import dev.orion.store.internal.Checks;
import dev.orion.store.internal.TokenBucket;
import dev.orion.tenant.ApiKey;
import dev.orion.tenant.Principal;
import dev.orion.tenant.RateLimit;
import dev.orion.tenant.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Stores that keep everything in this JVM's memory: for tests, notebooks and demos. Thread-safe;
 * each tenant's data is guarded by its own lock. Data is lost when the object is dropped.
 */
public final class MemoryStores implements OrionStores {

    private final Clock clock;
    private final ConcurrentMap<TenantId, MemoryTenant> tenants = new ConcurrentHashMap<>();

    /** @param clock the clock that stamps every record (tests pass a controllable one) */
    public MemoryStores(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Creates stores on the system UTC clock. */
    public MemoryStores() {
        this(Clock.systemUTC());
    }

    MemoryTenant data(TenantId tenant) {
        return tenants.computeIfAbsent(tenant, t -> new MemoryTenant(t, clock));
    }

    Iterable<MemoryTenant> allTenants() {
        return tenants.values();
    }

    @Override
    public TenantStores tenant(TenantId tenant, Principal actor) {
        Checks.ordinaryTenant(tenant, actor);
        return new MemoryTenantStores(data(tenant), actor);
    }

    @Override
    public AdminStores admin(Principal actor) {
        return new MemoryAdminStores(this, Objects.requireNonNull(actor, "actor"));
    }

    @Override
    public ApiKeyCheck authenticate(String presentedKey, String requiredScope) {
        Objects.requireNonNull(requiredScope, "requiredScope");
        Optional<ApiKeyFormat.Parsed> parsed = ApiKeyChecks.tenantKey(presentedKey);
        if (parsed.isEmpty()) {
            return new ApiKeyCheck.Rejected(ApiKeyCheck.Reason.INVALID, Duration.ZERO);
        }
        MemoryTenant t = tenants.get(parsed.get().tenant());
        if (t == null) {
            return new ApiKeyCheck.Rejected(ApiKeyCheck.Reason.INVALID, Duration.ZERO);
        }
        synchronized (t) {
            String id = parsed.get().id();
            ApiKey key = t.apiKeys.get(id);
            Instant now = clock.instant();
            if (key == null) {
                // attempts on tenants without keys write nothing, as on JDBC
                return t.apiKeys.isEmpty() ? new ApiKeyCheck.Rejected(ApiKeyCheck.Reason.INVALID, Duration.ZERO)
                        : failed(t, ApiKeyChecks.UNKNOWN_KEY, id, ApiKeyCheck.Reason.INVALID, now);
            }
            if (!ApiKeyFormat.matches(t.apiKeyHashes.get(id), parsed.get().text())) {
                return failed(t, id, id, ApiKeyCheck.Reason.INVALID, now);
            }
            Optional<ApiKeyCheck.Reason> refusal = ApiKeyChecks.refusal(key, requiredScope, now);
            if (refusal.isPresent()) {
                return failed(t, id, id, refusal.get(), now);
            }
            if (key.rateLimit().isPresent()) {
                RateDecision d = take(t, ApiKeyChecks.bucket(id), key.rateLimit().get(), now);
                if (!d.allowed()) {
                    return new ApiKeyCheck.Rejected(ApiKeyCheck.Reason.RATE_LIMITED, d.retryAfter());
                }
            }
            if (ApiKeyChecks.recordUse(key, now)) {
                key = ApiKeyChecks.usedAt(key, now);
                t.apiKeys.put(id, key);
            }
            return new ApiKeyCheck.Accepted(key);
        }
    }

    private static RateDecision take(MemoryTenant t, String bucket, RateLimit limit, Instant now) {
        TokenBucket.Result r = t.buckets.getOrDefault(bucket, TokenBucket.full(limit, now)).acquire(limit, 1, now);
        t.buckets.put(bucket, r.state());
        return r.decision();
    }

    /** Counts a failed attempt against its bucket; audits it while the bucket has room. */
    private static ApiKeyCheck failed(MemoryTenant t, String bucketKey, String presentedId, ApiKeyCheck.Reason reason, Instant now) {
        RateDecision d = take(t, ApiKeyChecks.failureBucket(bucketKey), ApiKeyChecks.FAILURE_LIMIT, now);
        if (!d.allowed()) {
            return new ApiKeyCheck.Rejected(ApiKeyCheck.Reason.RATE_LIMITED, d.retryAfter());
        }
        t.audit(ApiKeyChecks.AUTHENTICATION, ApiKeyChecks.FAILED, "api-key", presentedId, ApiKeyChecks.failureDetails(reason));
        return new ApiKeyCheck.Rejected(reason, Duration.ZERO);
    }

    /** Nothing to release. */
    @Override
    public void close() {
    }
}
