package dev.orion.store;

import dev.orion.BudgetExceededException;
import dev.orion.tenant.ProjectId;
import dev.orion.tenant.TenantId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Names a budget of the view's tenant: tenant-wide (no project) or for one project, over one period.
 *
 * @param project the project, empty for the whole tenant
 * @param period  the window
 */
public record BudgetKey(Optional<ProjectId> project, BudgetPeriod period) {

    /** Validates. */
    public BudgetKey {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(period, "period");
    }

    /** @param period window  @return the tenant-wide budget over {@code period} */
    public static BudgetKey tenant(BudgetPeriod period) {
        return new BudgetKey(Optional.empty(), period);
    }

    /** @param project project  @param period window  @return the project's budget over {@code period} */
    public static BudgetKey project(ProjectId project, BudgetPeriod period) {
        return new BudgetKey(Optional.of(project), period);
    }

    /**
     * @param tenant the tenant that owns the budget
     * @return the budget's name as {@link BudgetExceededException#budget()} reports it:
     *         {@code tenant:acme/day} or {@code tenant:acme/project:cathodes/month}
     */
    public String name(TenantId tenant) {
        return "tenant:" + tenant.value() + project.map(p -> "/project:" + p.value()).orElse("") + "/"
                + period.name().toLowerCase(Locale.ROOT);
    }

    /**
     * The refusal of a reservation against this budget.
     *
     * @param tenant    the tenant that owns the budget
     * @param limit     its limit (USD)
     * @param committed what is spent or reserved in the current window (USD)
     * @param requested what was asked for (USD)
     * @param now       the store's current time (fixes when the window resets)
     * @return the exception to throw
     */
    public BudgetExceededException exceeded(TenantId tenant, BigDecimal limit, BigDecimal committed, BigDecimal requested,
                                            Instant now) {
        return new BudgetExceededException(name(tenant), project.isPresent() ? BudgetExceededException.Scope.PROJECT
                : BudgetExceededException.Scope.TENANT, limit, committed, requested, period.resetsAt(now));
    }

    @Override
    public String toString() {
        return project.map(p -> "project " + p).orElse("tenant-wide") + " per " + period.name().toLowerCase(java.util.Locale.ROOT);
    }
}
