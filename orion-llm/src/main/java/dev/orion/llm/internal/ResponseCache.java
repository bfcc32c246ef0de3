package dev.orion.llm.internal;

import dev.orion.llm.router.cache.CachedAnswer;
import dev.orion.llm.router.cache.CacheStore;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.orion.llm.ChatResponse;
import dev.orion.store.LlmCacheGenerations;
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
 *
 * <p>Invalidations made through other caches on the same store (other router instances, other JVMs)
 * reach this one through the store's {@linkplain CacheStore#generations invalidation generations}:
 * every answer held in memory is stamped with the generation of its profile when it was taken in, and
 * served only while that is still the store's generation. The generations of a tenant are re-read at
 * most once per {@code invalidationCheckInterval}, which is therefore the longest another instance's
 * invalidation can take to stop this cache serving what it invalidated ({@link Duration#ZERO}: read on
 * every lookup, one store round trip per hit).
 */
public final class ResponseCache {

    private static final Logger LOG = LoggerFactory.getLogger(ResponseCache.class);

    private final CacheStore store;
    private final Clock clock;
    private final Duration invalidationCheckInterval;
    private final Cache<String, Held> memory;
    private final Cache<TenantId, Seen> generations;
    private final Map<String, CompletableFuture<ChatResponse>> inflight = new ConcurrentHashMap<>();

    /**
     * Creates the cache.
     *
     * @param store                     the system of record
     * @param maxEntries                the most entries kept in memory
     * @param clock                     the time source for expiry and for the age of the generations read
     * @param invalidationCheckInterval how long the generations read from the store are trusted: the bound on
     *                                  how long an invalidation through another instance may go unseen here
     * @throws IllegalArgumentException if {@code invalidationCheckInterval} is negative
     */
    public ResponseCache(CacheStore store, long maxEntries, Clock clock, Duration invalidationCheckInterval) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(invalidationCheckInterval, "invalidationCheckInterval");
        if (invalidationCheckInterval.isNegative()) {
            throw new IllegalArgumentException("invalidationCheckInterval must not be negative, was " + invalidationCheckInterval);
        }
        this.invalidationCheckInterval = invalidationCheckInterval;
        this.generations = Caffeine.newBuilder().maximumSize(maxEntries).build();
        this.memory = Caffeine.newBuilder().maximumSize(maxEntries)
                .expireAfter(new Expiry<String, Held>() {
                    @Override
                    public long expireAfterCreate(String key, Held value, long currentTime) {
                        return Math.max(0, Duration.between(clock.instant(), value.answer().expiresAt()).toNanos());
                    }

                    @Override
                    public long expireAfterUpdate(String key, Held value, long currentTime, long currentDuration) {
                        return expireAfterCreate(key, value, currentTime);
                    }

                    @Override
                    public long expireAfterRead(String key, Held value, long currentTime, long currentDuration) {
                        return currentDuration;
                    }
                })
                .build();
    }

    /**
     * The cached answer for a key, if one is stored, not expired and not invalidated.
     *
     * @param tenant the tenant
     * @param key    the key
     * @return the answer as first returned
     */
    public Optional<ChatResponse> get(TenantId tenant, String key) {
        Instant now = clock.instant();
        // read before the store, so an answer read from it is never stamped with a later invalidation's generation
        Optional<LlmCacheGenerations> current = generations(tenant, now);
        if (current.isEmpty()) {
            return Optional.empty();
        }
        Held held = memory.getIfPresent(key);
        if (held != null && held.answer().tenant().equals(tenant) && !held.answer().expiredAt(now)) {
            if (held.generation() == current.get().of(held.answer().profile())) {
                return Optional.of(held.answer().response());
            }
            memory.asMap().remove(key, held);
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
            memory.put(key, new Held(stored.get(), current.get().of(stored.get().profile())));
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
        generations(tenant, now).ifPresent(g -> memory.put(key, new Held(a, g.of(profile))));
        try {
            store.put(a);
        } catch (RuntimeException e) {
            LOG.warn("response cache store write failed; only this instance's memory may hold the answer: {}", e.toString());
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
        memory.asMap().values().removeIf(h -> h.answer().tenant().equals(tenant) && h.answer().profile().equals(profile));
        long removed = store.invalidateProfile(tenant, profile);
        generations.invalidate(tenant);
        return removed;
    }

    /**
     * Removes every entry of a tenant.
     *
     * @param tenant the tenant
     * @return entries removed from the store
     */
    public long invalidateTenant(TenantId tenant) {
        memory.asMap().values().removeIf(h -> h.answer().tenant().equals(tenant));
        long removed = store.invalidateTenant(tenant);
        generations.invalidate(tenant);
        return removed;
    }

    /**
     * The tenant's invalidation generations, read from the store unless the last read is younger than the
     * check interval; empty when the store cannot be read, so that nothing is served unchecked.
     */
    private Optional<LlmCacheGenerations> generations(TenantId tenant, Instant now) {
        Seen seen = generations.getIfPresent(tenant);
        // a clock that stepped back makes the copy's age unknown: read again
        if (seen != null && !now.isBefore(seen.readAt()) && now.isBefore(seen.readAt().plus(invalidationCheckInterval))) {
            return Optional.of(seen.generations());
        }
        try {
            LlmCacheGenerations read = store.generations(tenant);
            generations.put(tenant, new Seen(read, now));
            return Optional.of(read);
        } catch (RuntimeException e) {
            LOG.warn("response cache store generations read failed, treating as a miss: {}", e.toString());
            return Optional.empty();
        }
    }

    /** An answer in memory with the generation of its profile when it was taken in. */
    private record Held(CachedAnswer answer, long generation) {
    }

    /** A tenant's generations and when they were read. */
    private record Seen(LlmCacheGenerations generations, Instant readAt) {
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
