package dev.orion.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One reviewer's claim on a {@link ReviewItem} until {@code expiresAt}. The token proves the claim: once
 * it lapses and someone else claims the item, the old token no longer labels or releases it.
 *
 * @param item      the item as claimed
 * @param token     the claim token
 * @param expiresAt when the claim lapses
 */
public record ReviewClaim(ReviewItem item, String token, Instant expiresAt) {

    /** Validates. */
    public ReviewClaim {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** Leaves the token out: it proves the claim, so it must not reach logs. */
    @Override
    public String toString() {
        return "ReviewClaim[item=" + item.id() + ", reviewer=" + item.reviewer().orElse("") + ", expiresAt=" + expiresAt
                + ", token=<redacted>]";
    }
}
