package dev.orion.store;

import dev.orion.tenant.ProjectId;
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

    @Override
    public String toString() {
        return project.map(p -> "project " + p).orElse("tenant-wide") + " per " + period.name().toLowerCase(java.util.Locale.ROOT);
    }
}
