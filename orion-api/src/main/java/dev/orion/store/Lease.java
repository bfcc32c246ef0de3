package dev.orion.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A worker's claim on a work item until {@code expiresAt}. The token proves the claim: once a lease
 * lapses and the item is reclaimed, the old token no longer completes, fails or releases it.
 *
 * @param item      the item as claimed
 * @param token     the lease token
 * @param expiresAt when the lease lapses unless extended
 */
public record Lease(WorkItem item, String token, Instant expiresAt) {

    /** Validates. */
    public Lease {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** Leaves the token out: it proves the claim, so it must not reach logs. */
    @Override
    public String toString() {
        return "Lease[item=" + item.id() + ", queue=" + item.queue() + ", expiresAt=" + expiresAt + ", token=<redacted>]";
    }
}
