package dev.orion.llm;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A call was refused because it could push spending over a budget. The exception names the budget
 * (for example {@code tenant:acme/day}), its limit, what is already spent or reserved, and when the
 * budget's period resets (absent for a total budget or a per-request cap).
 */
public final class BudgetExceededException extends LlmException {

    private static final long serialVersionUID = 1L;

    private final String budget;
    private final BigDecimal limitUsd;
    private final BigDecimal spentUsd;
    private final BigDecimal requestedUsd;
    private final Instant resetsAt;

    /**
     * Creates the exception.
     *
     * @param budget       the budget's name (scope, owner and period)
     * @param limitUsd     its limit in dollars
     * @param spentUsd     what is spent or reserved in the current period
     * @param requestedUsd the estimated cost of the refused call
     * @param resetsAt     when the period resets, or null for budgets that never reset
     */
    public BudgetExceededException(String budget, BigDecimal limitUsd, BigDecimal spentUsd, BigDecimal requestedUsd,
                                   Instant resetsAt) {
        super("budget '" + Objects.requireNonNull(budget, "budget") + "' exceeded: limit $" + limitUsd.toPlainString()
                + ", spent $" + spentUsd.toPlainString() + ", call needs up to $" + requestedUsd.toPlainString()
                + (resetsAt == null ? " (never resets)" : ", resets at " + resetsAt),
                resetsAt != null, null, null);
        this.budget = budget;
        this.limitUsd = limitUsd;
        this.spentUsd = spentUsd;
        this.requestedUsd = requestedUsd;
        this.resetsAt = resetsAt;
    }

    /** The budget's name. */
    public String budget() {
        return budget;
    }

    /** Its limit in dollars. */
    public BigDecimal limitUsd() {
        return limitUsd;
    }

    /** What is spent or reserved in the current period. */
    public BigDecimal spentUsd() {
        return spentUsd;
    }

    /** The estimated cost of the refused call. */
    public BigDecimal requestedUsd() {
        return requestedUsd;
    }

    /** When the budget's period resets. */
    public Optional<Instant> resetsAt() {
        return Optional.ofNullable(resetsAt);
    }
}
