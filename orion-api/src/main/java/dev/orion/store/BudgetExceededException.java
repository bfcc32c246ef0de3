package dev.orion.store;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A reservation would take a budget over its limit; nothing was reserved.
 */
public class BudgetExceededException extends StoreException {

    private static final long serialVersionUID = 1L;

    private final transient BudgetKey budget;
    private final BigDecimal limit;
    private final BigDecimal committed;
    private final BigDecimal requested;
    private final transient Optional<Instant> resetsAt;

    /**
     * @param budget    the budget that would be exceeded
     * @param limit     its limit
     * @param committed what is already spent or reserved in the current window
     * @param requested what was asked for
     * @param resetsAt  when the window resets, empty for {@link BudgetPeriod#TOTAL}
     */
    public BudgetExceededException(BudgetKey budget, BigDecimal limit, BigDecimal committed,
                                   BigDecimal requested, Optional<Instant> resetsAt) {
        super("budget " + budget + " exceeded: limit " + limit.toPlainString() + " USD, committed "
                + committed.toPlainString() + ", requested " + requested.toPlainString()
                + resetsAt.map(t -> ", resets at " + t).orElse(", never resets"));
        this.budget = Objects.requireNonNull(budget, "budget");
        this.limit = limit;
        this.committed = committed;
        this.requested = requested;
        this.resetsAt = resetsAt;
    }

    /** @return the budget that would be exceeded */
    public BudgetKey budget() {
        return budget;
    }

    /** @return its limit in USD */
    public BigDecimal limit() {
        return limit;
    }

    /** @return the amount already spent or reserved in the window */
    public BigDecimal committed() {
        return committed;
    }

    /** @return the amount requested */
    public BigDecimal requested() {
        return requested;
    }

    /** @return when the budget window resets, empty for a total budget */
    public Optional<Instant> resetsAt() {
        return resetsAt;
    }
}
