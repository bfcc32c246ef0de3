package dev.orion;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Spending was refused because it would take a budget over its limit; nothing was reserved or spent.
 * The one budget exception of ORION: the stores' {@code BudgetStore.reserve} throws it, and the LLM
 * router passes it on unchanged (a router with in-memory budgets throws it too, and uses it for its
 * per-request cost cap).
 *
 * <p>{@link #budget()} names the budget the way operators see it: {@code tenant:acme/day},
 * {@code tenant:acme/project:cathodes/month}, {@code profile:advisor/max-cost-per-request}.
 */
public final class BudgetExceededException extends OrionException {

    private static final long serialVersionUID = 1L;

    /** Whose spending the refused budget counts. */
    public enum Scope {
        /** Everything a tenant spends. */
        TENANT,
        /** What one project of a tenant spends. */
        PROJECT,
        /** One request (a per-request cost cap); it never resets. */
        REQUEST
    }

    private final String budget;
    private final Scope scope;
    private final BigDecimal limit;
    private final BigDecimal spent;
    private final BigDecimal requested;
    private final Instant resetsAt; // null: never resets (a field, not an Optional, so the exception serialises)

    /**
     * @param budget    the budget's name, e.g. {@code tenant:acme/project:cathodes/day}
     * @param scope     whose spending it counts
     * @param limit     its limit in USD
     * @param spent     what is already spent or reserved in its current window (USD)
     * @param requested what the refused operation asked for (USD)
     * @param resetsAt  when the window resets; empty for a total budget or a per-request cap
     */
    public BudgetExceededException(String budget, Scope scope, BigDecimal limit, BigDecimal spent, BigDecimal requested,
                                   Optional<Instant> resetsAt) {
        super(message(budget, scope, limit, spent, requested, resetsAt));
        this.budget = budget;
        this.scope = scope;
        this.limit = limit;
        this.spent = spent;
        this.requested = requested;
        this.resetsAt = resetsAt.orElse(null);
    }

    private static String message(String budget, Scope scope, BigDecimal limit, BigDecimal spent, BigDecimal requested,
                                  Optional<Instant> resetsAt) {
        Objects.requireNonNull(budget, "budget");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(limit, "limit");
        Objects.requireNonNull(spent, "spent");
        Objects.requireNonNull(requested, "requested");
        Objects.requireNonNull(resetsAt, "resetsAt");
        return scope.name().toLowerCase(Locale.ROOT) + " budget '" + budget + "' exceeded: limit $" + limit.toPlainString()
                + ", spent or reserved $" + spent.toPlainString() + ", requested $" + requested.toPlainString()
                + resetsAt.map(t -> ", resets at " + t).orElse(" (never resets)");
    }

    /** @return the budget's name, e.g. {@code tenant:acme/project:cathodes/day} */
    public String budget() {
        return budget;
    }

    /** @return whose spending the budget counts */
    public Scope scope() {
        return scope;
    }

    /** @return the budget's limit in USD */
    public BigDecimal limit() {
        return limit;
    }

    /** @return what is already spent or reserved in the budget's current window (USD) */
    public BigDecimal spent() {
        return spent;
    }

    /** @return what the refused operation asked for (USD) */
    public BigDecimal requested() {
        return requested;
    }

    /** @return when the budget's window resets; empty for a total budget or a per-request cap */
    public Optional<Instant> resetsAt() {
        return Optional.ofNullable(resetsAt);
    }

    /** @return whether the same operation can succeed later without raising the limit (the window resets) */
    public boolean retryable() {
        return resetsAt != null;
    }

    /**
     * @param now the current time
     * @return how long until the window resets, empty when it never does
     */
    public Optional<Duration> retryAfter(Instant now) {
        return resetsAt().map(t -> t.isAfter(now) ? Duration.between(now, t) : Duration.ZERO);
    }
}
