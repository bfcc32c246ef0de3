package dev.orion.store;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A limit that the caller brings to one reservation, such as an LLM profile's budget: checked with
 * the stored (operator) limits inside the same transaction of {@link BudgetStore#reserve(java.util.Optional,
 * BigDecimal, java.time.Duration, java.util.List)}, against the same spending counters, and never written to
 * the store. So two profiles with different budgets, and an operator's limit, all hold at once, and
 * none overwrites another.
 *
 * @param key   the budget whose spending the cap bounds (its project must be the reservation's)
 * @param limit the cap in USD (>= 0)
 */
public record BudgetCap(BudgetKey key, BigDecimal limit) {

    /** Validates. */
    public BudgetCap {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(limit, "limit");
        if (limit.signum() < 0) {
            throw new IllegalArgumentException("limit must be >= 0 USD, got " + limit.toPlainString());
        }
    }
}
