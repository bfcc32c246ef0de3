package dev.orion.data.mp;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.orion.store.ResponseCacheStore;
import dev.orion.store.StoreException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client's two response caches, for every route alike: pages in memory (Caffeine) by URL, and the
 * answers' text in an optional tenant {@link ResponseCacheStore} by hashed URL, whose expired rows a
 * daemon thread purges every {@code purgeInterval}.
 */
final class ResponseCache implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ResponseCache.class);
    /** Prefix of this client's keys in a {@link ResponseCacheStore}. */
    private static final String STORE_KEY_PREFIX = "materials-project:";

    private final Cache<String, MpPage<?>> memory;
    private final Optional<ResponseCacheStore> store;
    private final Duration ttl;
    private final Clock clock;
    private final Optional<ScheduledExecutorService> purger;

    ResponseCache(Duration ttl, long maximumPages, Optional<ResponseCacheStore> store, Clock clock, Duration purgeInterval) {
        this.memory = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(maximumPages).build();
        this.store = store;
        this.ttl = ttl;
        this.clock = clock;
        this.purger = store.isPresent() && !purgeInterval.isZero() ? Optional.of(schedulePurge(purgeInterval)) : Optional.empty();
    }

    private ScheduledExecutorService schedulePurge(Duration interval) {
        ScheduledExecutorService s = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "orion-mp-cache-purge");
            t.setDaemon(true);
            return t;
        });
        long nanos = interval.toNanos();
        s.scheduleWithFixedDelay(this::purgeQuietly, nanos, nanos, TimeUnit.NANOSECONDS);
        return s;
    }

    /**
     * The page of {@code url}: from memory, else from the store, else from {@code fetch} (then kept in
     * both). The URL names the route, so a key always holds pages of one document type.
     */
    @SuppressWarnings("unchecked")
    <D> MpPage<D> page(MpRoute<D> route, String url, Supplier<String> fetch) {
        MpPage<?> cached = memory.getIfPresent(url);
        if (cached != null) {
            return (MpPage<D>) cached;
        }
        Optional<String> stored = store.flatMap(s -> read(s, url));
        String body = stored.isPresent() ? stored.get() : fetch.get();
        MpPage<D> page = route.page(body, url);
        if (stored.isEmpty()) {
            store.ifPresent(s -> write(s, url, body));
        }
        memory.put(url, page);
        return page;
    }

    /** @return how many expired rows were removed from the store (0 without a store) */
    long purgeExpired() {
        return store.map(ResponseCacheStore::purgeExpired).orElse(0L);
    }

    private void purgeQuietly() {
        try {
            long removed = purgeExpired();
            LOG.debug("Materials Project response cache: purged {} expired entries", removed);
        } catch (RuntimeException e) {
            LOG.warn("Materials Project response cache: cannot purge expired entries, trying again later: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        purger.ifPresent(ScheduledExecutorService::shutdownNow);
        memory.invalidateAll();
    }

    /** The store key of a request URL: it holds no secret (the API key travels in a header), but may be long, so it is hashed. */
    static String storeKey(String url) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(url.getBytes(StandardCharsets.UTF_8));
            return STORE_KEY_PREFIX + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** A store that cannot be read costs a request, not the query. */
    private static Optional<String> read(ResponseCacheStore s, String url) {
        try {
            return s.get(storeKey(url));
        } catch (StoreException e) {
            LOG.warn("Materials Project response cache: cannot read the answer of {} from the store, asking the API: {}", url, e.getMessage());
            return Optional.empty();
        }
    }

    private void write(ResponseCacheStore s, String url, String body) {
        try {
            s.put(storeKey(url), body, clock.instant().plus(ttl));
        } catch (StoreException e) {
            LOG.warn("Materials Project response cache: cannot keep the answer of {} in the store: {}", url, e.getMessage());
        }
    }
}
