package dev.orion.llm.router.analytics;

import java.time.Duration;

/**
 * Log-linear latency bins in microseconds: eight bins per power of two (about 6% resolution),
 * from 1 µs to about 70 minutes. Not thread-safe; guarded by its series.
 */
final class LatencyHistogram {

    static final int SUB = 8;
    static final int BINS = 33 * SUB;

    final long[] counts = new long[BINS];
    long total;

    void add(long nanos) {
        counts[bin(nanos)]++;
        total++;
    }

    void addAll(LatencyHistogram other) {
        for (int i = 0; i < BINS; i++) {
            counts[i] += other.counts[i];
        }
        total += other.total;
    }

    void clear() {
        java.util.Arrays.fill(counts, 0);
        total = 0;
    }

    Duration percentile(double p) {
        if (total == 0) {
            return Duration.ZERO;
        }
        long rank = (long) Math.ceil(p * total);
        long seen = 0;
        for (int i = 0; i < BINS; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return Duration.ofNanos(midpointMicros(i) * 1000);
            }
        }
        return Duration.ofNanos(midpointMicros(BINS - 1) * 1000);
    }

    static int bin(long nanos) {
        long us = Math.max(1, nanos / 1000);
        int octave = 63 - Long.numberOfLeadingZeros(us);
        if (octave >= 33) {
            return BINS - 1;
        }
        int sub = octave >= 3 ? (int) ((us >> (octave - 3)) & (SUB - 1)) : (int) ((us << (3 - octave)) & (SUB - 1));
        return octave * SUB + sub;
    }

    static long midpointMicros(int bin) {
        int octave = bin / SUB;
        int sub = bin % SUB;
        double low = Math.pow(2, octave) * (1 + sub / (double) SUB);
        double width = Math.pow(2, octave) / SUB;
        return Math.max(1, Math.round(low + width / 2));
    }
}
