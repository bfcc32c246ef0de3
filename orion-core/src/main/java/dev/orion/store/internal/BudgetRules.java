package dev.orion.store.internal;

import dev.orion.store.BudgetCap;
import dev.orion.store.BudgetKey;
import dev.orion.store.BudgetPeriod;
import dev.orion.tenant.ProjectId;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Which budgets a charge counts against, and the checks on amounts, shared by the budget stores. */
public final class BudgetRules {

    private BudgetRules() {
    }

    /**
     * The tenant-wide budgets always apply; a project's budgets apply to charges for that project.
     * The order is fixed so that row locks are always taken in the same order (no deadlocks).
     *
     * @param project the project charged, if any
     * @return the budgets a charge counts against
     */
    public static List<BudgetKey> applicable(Optional<ProjectId> project) {
        List<BudgetKey> keys = new ArrayList<>(6);
        for (BudgetPeriod p : BudgetPeriod.values()) {
            keys.add(BudgetKey.tenant(p));
        }
        project.ifPresent(pr -> {
            for (BudgetPeriod p : BudgetPeriod.values()) {
                keys.add(BudgetKey.project(pr, p));
            }
        });
        return keys;
    }

    /** @param project the project, if any @return the column value ({@code ""} for tenant-wide) */
    public static String projectColumn(Optional<ProjectId> project) {
        return project.map(ProjectId::value).orElse("");
    }

    /** @param column a column value @return the project it names, empty for {@code ""} */
    public static Optional<ProjectId> projectOf(String column) {
        return column.isEmpty() ? Optional.empty() : Optional.of(ProjectId.of(column));
    }

    /** @param name argument @param amount USD amount, must be >= 0 */
    public static void checkAmount(String name, BigDecimal amount) {
        Objects.requireNonNull(amount, name);
        if (amount.signum() < 0) {
            throw new IllegalArgumentException(name + " must be >= 0 USD, got " + amount.toPlainString());
        }
        if (amount.scale() > 10 || amount.precision() - amount.scale() > 14) {
            throw new IllegalArgumentException(name + " must have at most 14 integer and 10 fraction digits, got "
                    + amount.toPlainString());
        }
    }

    /**
     * Checks the caps of one reservation: each must bound a budget the reservation counts against.
     *
     * @param project the reservation's project, if any
     * @param caps    the caller's caps
     * @return the caps, copied
     * @throws IllegalArgumentException naming a cap of another project
     */
    public static List<BudgetCap> checkCaps(Optional<ProjectId> project, List<BudgetCap> caps) {
        List<BudgetCap> copy = List.copyOf(Objects.requireNonNull(caps, "caps"));
        for (BudgetCap cap : copy) {
            if (cap.key().project().isPresent() && !cap.key().project().equals(project)) {
                throw new IllegalArgumentException("caps must bound the reservation's budgets: cap " + cap.key()
                        + " of a reservation for " + project.map(p -> "project " + p).orElse("no project"));
            }
            checkAmount("cap limit", cap.limit());
        }
        return copy;
    }

    /** @param ttl reservation lifetime, must be positive and at most a day */
    public static void checkTtl(Duration ttl) {
        Objects.requireNonNull(ttl, "ttl");
        if (ttl.isZero() || ttl.isNegative() || ttl.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException("ttl must be positive and at most one day, got " + ttl);
        }
    }
}
