package dev.orion.llm.router.analytics;

import dev.orion.store.LlmCall;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sliding-window figures per model and per profile, kept in a ring of time buckets (default: 360
 * buckets of 10 s, so windows up to one hour). Recording is O(1) under a per-key lock; a query
 * merges the buckets of its window. Cache hits count as calls of their profile, not of a model.
 */
public final class CallAnalytics {

    /** What a figure is grouped by. */
    public enum Dimension {
        /** The router model that answered or failed last. */
        MODEL,
        /** The profile. */
        PROFILE
    }

    private final Clock clock;
    private final long bucketMillis;
    private final int bucketCount;
    private final Map<String, Series> models = new ConcurrentHashMap<>();
    private final Map<String, Series> profiles = new ConcurrentHashMap<>();

    /**
     * Creates the analytics.
     *
     * @param clock       the time source
     * @param bucketWidth the resolution of windows
     * @param buckets     how many buckets are kept (the longest window is {@code bucketWidth * buckets})
     */
    public CallAnalytics(Clock clock, Duration bucketWidth, int buckets) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.bucketMillis = bucketWidth.toMillis();
        if (bucketMillis < 1) {
            throw new IllegalArgumentException("bucketWidth must be at least 1 ms, was " + bucketWidth);
        }
        if (buckets < 1) {
            throw new IllegalArgumentException("buckets must be >= 1, was " + buckets);
        }
        this.bucketCount = buckets;
    }

    /** One hour of 10-second buckets on the system clock. */
    public CallAnalytics() {
        this(Clock.systemUTC(), Duration.ofSeconds(10), 360);
    }

    /** Adds one call. @param record the call */
    public void record(LlmCall record) {
        long epoch = clock.millis() / bucketMillis;
        if (!record.cacheHit()) {
            series(models, record.model()).add(epoch, record);
        }
        series(profiles, record.profile()).add(epoch, record);
    }

    /** Figures of one model. @param model router model name @param window how far back @return the figures */
    public WindowStats model(String model, Duration window) {
        return stats(Dimension.MODEL, model, window);
    }

    /** Figures of one profile. @param profile the profile @param window how far back @return the figures */
    public WindowStats profile(String profile, Duration window) {
        return stats(Dimension.PROFILE, profile, window);
    }

    /**
     * Figures of one model or profile.
     *
     * @param dimension model or profile
     * @param key       its name
     * @param window    how far back (capped at the ring's length)
     * @return the figures (zero counts when unknown)
     */
    public WindowStats stats(Dimension dimension, String key, Duration window) {
        Series s = (dimension == Dimension.MODEL ? models : profiles).get(key);
        long now = clock.millis() / bucketMillis;
        int span = (int) Math.min(bucketCount, Math.max(1, (window.toMillis() + bucketMillis - 1) / bucketMillis));
        return s == null ? Series.empty(key, window) : s.stats(key, window, now, span);
    }

    /**
     * The best models or profiles by a metric (those with calls in the window only).
     *
     * @param dimension model or profile
     * @param metric    what to rank by
     * @param window    how far back
     * @param limit     how many
     * @return best first
     */
    public List<WindowStats> top(Dimension dimension, Metric metric, Duration window, int limit) {
        List<WindowStats> all = new ArrayList<>();
        for (String k : (dimension == Dimension.MODEL ? models : profiles).keySet()) {
            WindowStats st = stats(dimension, k, window);
            if (st.count() > 0) {
                all.add(st);
            }
        }
        all.sort(metric.bestFirst().thenComparing(WindowStats::key, Comparator.naturalOrder()));
        return List.copyOf(all.subList(0, Math.min(limit, all.size())));
    }

    private Series series(Map<String, Series> map, String key) {
        Series s = map.get(key);
        return s != null ? s : map.computeIfAbsent(key, k -> new Series(bucketCount));
    }

    /** A ring of buckets for one key. */
    private static final class Series {
        private final Bucket[] ring;

        Series(int n) {
            ring = new Bucket[n];
        }

        synchronized void add(long epoch, LlmCall r) {
            int i = (int) Math.floorMod(epoch, (long) ring.length);
            Bucket b = ring[i];
            if (b == null) {
                b = ring[i] = new Bucket();
            }
            if (b.epoch != epoch) {
                b.reset(epoch);
            }
            b.count++;
            if (r.success()) {
                b.successes++;
            }
            b.input += r.tokensIn();
            b.output += r.tokensOut();
            b.cost = b.cost.add(r.cost());
            b.latency.add(r.latency().toNanos());
        }

        synchronized WindowStats stats(String key, Duration window, long now, int span) {
            LatencyHistogram merged = new LatencyHistogram();
            long count = 0;
            long successes = 0;
            long in = 0;
            long out = 0;
            BigDecimal cost = BigDecimal.ZERO;
            for (long e = now - span + 1; e <= now; e++) {
                Bucket b = ring[(int) Math.floorMod(e, (long) ring.length)];
                if (b == null || b.epoch != e) {
                    continue;
                }
                count += b.count;
                successes += b.successes;
                in += b.input;
                out += b.output;
                cost = cost.add(b.cost);
                merged.addAll(b.latency);
            }
            return new WindowStats(key, window, count, successes, merged.percentile(0.50), merged.percentile(0.95),
                    merged.percentile(0.99), in, out, cost);
        }

        static WindowStats empty(String key, Duration window) {
            return new WindowStats(key, window, 0, 0, Duration.ZERO, Duration.ZERO, Duration.ZERO, 0, 0, BigDecimal.ZERO);
        }
    }

    private static final class Bucket {
        long epoch = Long.MIN_VALUE;
        long count;
        long successes;
        long input;
        long output;
        BigDecimal cost = BigDecimal.ZERO;
        final LatencyHistogram latency = new LatencyHistogram();

        void reset(long newEpoch) {
            epoch = newEpoch;
            count = 0;
            successes = 0;
            input = 0;
            output = 0;
            cost = BigDecimal.ZERO;
            latency.clear();
        }
    }
}
