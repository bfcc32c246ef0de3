package dev.orion.store.memory;

import dev.orion.store.AdminStores;
import dev.orion.store.ApiKeyCheck;
import dev.orion.store.OrionStores;
import dev.orion.store.RateDecision;
import dev.orion.store.TenantStores;
import dev.orion.store.support.ApiKeyChecks;
import dev.orion.store.support.ApiKeyFormat;
import dev.orion.store.support.TokenBucket;
import dev.orion.tenant.ApiKey;
import dev.orion.tenant.Principal;
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
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(actor, "actor");
        if (tenant.isAdmin()) {
            throw new IllegalArgumentException("tenant '" + tenant + "' is reserved for the admin audit trail");
        }
        return new MemoryTenantStores(data(tenant), actor);
    }

    @Override
    public AdminStores admin(Principal actor) {
        return new MemoryAdminStores(this, Objects.requireNonNull(actor, "actor"));
    }

    @Override
    public ApiKeyCheck authenticate(String presentedKey, String requiredScope) {
        Objects.requireNonNull(requiredScope, "requiredScope");
        Optional<ApiKeyFormat.Parsed> parsed = ApiKeyFormat.parse(presentedKey);
        if (parsed.isEmpty() || parsed.get().tenant().isAdmin()) {
            return new ApiKeyCheck.Rejected(ApiKeyCheck.Reason.INVALID, Duration.ZERO);
        }
        MemoryTenant t = tenants.get(parsed.get().tenant());
        if (t == null) {
            return new ApiKeyCheck.Rejected(ApiKeyCheck.Reason.INVALID, Duration.ZERO);
        }
        synchronized (t) {
            String id = parsed.get().id();
            ApiKey key = t.apiKeys.get(id);
            String hash = t.apiKeyHashes.get(id);
            if (key == null || !ApiKeyFormat.matches(hash, parsed.get().text())) {
                return new ApiKeyCheck.Rejected(ApiKeyCheck.Reason.INVALID, Duration.ZERO);
            }
            Instant now = clock.instant();
            Optional<ApiKeyCheck.Reason> refusal = ApiKeyChecks.refusal(key, requiredScope, now);
            if (refusal.isPresent()) {
                return new ApiKeyCheck.Rejected(refusal.get(), Duration.ZERO);
            }
            if (key.rateLimit().isPresent()) {
                String bucket = ApiKeyChecks.bucket(id);
                TokenBucket state = t.buckets.getOrDefault(bucket, TokenBucket.full(key.rateLimit().get(), now));
                TokenBucket.Result r = state.acquire(key.rateLimit().get(), 1, now);
                t.buckets.put(bucket, r.state());
                RateDecision d = r.decision();
                if (!d.allowed()) {
                    return new ApiKeyCheck.Rejected(ApiKeyCheck.Reason.RATE_LIMITED, d.retryAfter());
                }
            }
            ApiKey used = new ApiKey(key.id(), key.tenant(), key.name(), key.scopes(), key.createdBy(), key.createdAt(),
                    key.expiresAt(), key.revokedAt(), Optional.of(now), key.rateLimit());
            t.apiKeys.put(id, used);
            return new ApiKeyCheck.Accepted(used);
        }
    }

    /** Nothing to release. */
    @Override
    public void close() {
    }
}
