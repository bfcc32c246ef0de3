package dev.orion.store.internal;

import dev.orion.store.WorkItem;
import dev.orion.store.WorkStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/** Claim rules of the work queue shared by its implementations. */
public final class WorkRules {

    /** The error recorded when a lease lapsed without an answer from its worker. */
    public static final String LEASE_LAPSED = "lease expired before the worker completed the item";

    /** The audit action of an item dead-lettered because its last lease lapsed. */
    public static final String DEAD_LETTER = "dead-letter";
    /** The audit action of an item returned to pending because its lease lapsed. */
    public static final String RECLAIM = "reclaim";

    private WorkRules() {
    }

    /** @param max items per claim @param lease lease length */
    public static void checkClaim(int max, Duration lease) {
        if (max < 1 || max > 1000) {
            throw new IllegalArgumentException("max must be 1..1000, got " + max);
        }
        Objects.requireNonNull(lease, "lease");
        if (lease.isNegative() || lease.isZero() || lease.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException("lease must be positive and at most one day, got " + lease);
        }
    }

    /** @param w an item @param now the time @return whether a worker may claim it now */
    public static boolean claimable(WorkItem w, Instant now) {
        return (w.status() == WorkStatus.PENDING && !w.availableAt().isAfter(now))
                || (w.status() == WorkStatus.LEASED && !w.leaseExpiresAt().orElseThrow().isAfter(now));
    }

    /** @param w an item whose lease lapsed @return the details of its reclaim or dead-letter audit event */
    public static Map<String, String> lapsedDetails(WorkItem w) {
        return Map.of("worker", w.leaseOwner().orElse(""), "attempt", Integer.toString(w.attempts()));
    }

    /** @param error an error message @return it cut to 2,000 characters */
    public static String clip(String error) {
        return error.length() <= 2000 ? error : error.substring(0, 2000);
    }
}
