package dev.orion.llm.router.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.orion.llm.ChatResponse;
import dev.orion.tenant.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Caffeine in front of a {@link CacheStore}: lookups hit memory first and fall back to the store;
 * writes go to both. Each entry expires at its own time (the profile's TTL when stored). Concurrent
 * identical requests are coalesced by {@link #singleFlight}, so only one of them calls a model.
 */
public final class ResponseCache {

    private static final Logger LOG = LoggerFactory.getLogger(ResponseCache.class);

    private final CacheStore store;
    private final Clock clock;
    private final Cache<String, CachedAnswer> memory;
    private final Map<String, CompletableFuture<ChatResponse>> inflight = new ConcurrentHashMap<>();

    /**
     * Creates the cache.
     *
     * @param store      the system of record
     * @param maxEntries the most entries kept in memory
     * @param clock      the time source for expiry
     */
    public ResponseCache(CacheStore store, long maxEntries, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.memory = Caffeine.newBuilder().maximumSize(maxEntries)
                .expireAfter(new Expiry<String, CachedAnswer>() {
                    @Override
                    public long expireAfterCreate(String key, CachedAnswer value, long currentTime) {
                        return Math.max(0, Duration.between(clock.instant(), value.expiresAt()).toNanos());
                    }

                    @Override
                    public long expireAfterUpdate(String key, CachedAnswer value, long currentTime, long currentDuration) {
                        return expireAfterCreate(key, value, currentTime);
                    }

                    @Override
                    public long expireAfterRead(String key, CachedAnswer value, long currentTime, long currentDuration) {
                        return currentDuration;
                    }
                })
                .build();
    }

    /**
     * The cached answer for a key, if one is stored and not expired.
     *
     * @param tenant the tenant
     * @param key    the key
     * @return the answer as first returned
     */
    public Optional<ChatResponse> get(TenantId tenant, String key) {
        Instant now = clock.instant();
        CachedAnswer a = memory.getIfPresent(key);
        if (a != null && a.tenant().equals(tenant) && !a.expiredAt(now)) {
            return Optional.of(a.response());
        }
        Optional<CachedAnswer> stored;
        try {
            stored = store.get(tenant, key);
        } catch (RuntimeException e) {
            // the cache is an optimisation: a failing store means a miss, never a failed call
            LOG.warn("response cache store lookup failed, treating as a miss: {}", e.toString());
            return Optional.empty();
        }
        if (stored.isPresent() && !stored.get().expiredAt(now)) {
            memory.put(key, stored.get());
            return Optional.of(stored.get().response());
        }
        return Optional.empty();
    }

    /**
     * Stores an answer in memory and in the store.
     *
     * @param tenant   the tenant
     * @param profile  the profile
     * @param key      the key
     * @param response the answer
     * @param ttl      how long to serve it
     */
    public void put(TenantId tenant, String profile, String key, ChatResponse response, Duration ttl) {
        Instant now = clock.instant();
        CachedAnswer a = new CachedAnswer(key, tenant, profile, response, now, now.plus(ttl));
        memory.put(key, a);
        try {
            store.put(a);
        } catch (RuntimeException e) {
            LOG.warn("response cache store write failed; the answer stays cached in memory only: {}", e.toString());
        }
    }

    /**
     * Runs {@code upstream} once for concurrent callers with the same key: the first caller runs it,
     * the others wait and share its answer. If the first caller fails, the others get
     * {@link Optional#empty()} and should call upstream themselves (the failure may be theirs alone,
     * e.g. a budget).
     *
     * @param key      the key
     * @param upstream the call to make
     * @return the answer and whether this caller made the upstream call; empty if it must call itself
     */
    public Optional<Flight> singleFlight(String key, Supplier<ChatResponse> upstream) {
        CompletableFuture<ChatResponse> mine = new CompletableFuture<>();
        CompletableFuture<ChatResponse> running = inflight.putIfAbsent(key, mine);
        if (running != null) {
            try {
                return Optional.of(new Flight(running.join(), false));
            } catch (CompletionException | java.util.concurrent.CancellationException e) {
                return Optional.empty();
            }
        }
        try {
            ChatResponse r = upstream.get();
            mine.complete(r);
            return Optional.of(new Flight(r, true));
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inflight.remove(key, mine);
        }
    }

    /**
     * Removes a profile's entries of one tenant.
     *
     * @param tenant  the tenant
     * @param profile the profile
     * @return entries removed from the store
     */
    public long invalidateProfile(TenantId tenant, String profile) {
        memory.asMap().values().removeIf(a -> a.tenant().equals(tenant) && a.profile().equals(profile));
        return store.invalidateProfile(tenant, profile);
    }

    /** Removes every entry of a tenant. @param tenant the tenant @return entries removed from the store */
    public long invalidateTenant(TenantId tenant) {
        memory.asMap().values().removeIf(a -> a.tenant().equals(tenant));
        return store.invalidateTenant(tenant);
    }

    /**
     * The outcome of {@link #singleFlight}.
     *
     * @param response the answer
     * @param leader   whether this caller made the upstream call
     */
    public record Flight(ChatResponse response, boolean leader) {
    }
}
