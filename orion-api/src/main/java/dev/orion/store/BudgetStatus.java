package dev.orion.store;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A budget's limit and what is spent and reserved in its current window (USD).
 *
 * @param key         which budget
 * @param limit       the limit
 * @param spent       settled spending in the window
 * @param reserved    outstanding reservations in the window
 * @param windowStart when the current window began
 * @param resetsAt    when it ends, empty for TOTAL
 */
public record BudgetStatus(BudgetKey key, BigDecimal limit, BigDecimal spent, BigDecimal reserved,
                           Instant windowStart, Optional<Instant> resetsAt) {

    /** Validates. */
    public BudgetStatus {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(limit, "limit");
        Objects.requireNonNull(spent, "spent");
        Objects.requireNonNull(reserved, "reserved");
        Objects.requireNonNull(windowStart, "windowStart");
        Objects.requireNonNull(resetsAt, "resetsAt");
    }

    /** @return limit minus spent minus reserved (negative after an overspend by a settle) */
    public BigDecimal remaining() {
        return limit.subtract(spent).subtract(reserved);
    }
}
