package dev.orion.llm.router.store;

import dev.orion.llm.BudgetExceededException;
import dev.orion.llm.router.budget.BudgetLedger;
import dev.orion.llm.router.budget.BudgetLimit;
import dev.orion.llm.router.budget.BudgetReservation;
import dev.orion.store.BudgetKey;
import dev.orion.store.BudgetPeriod;
import dev.orion.store.BudgetStatus;
import dev.orion.store.BudgetStore;
import dev.orion.store.Reservation;
import dev.orion.tenant.ProjectId;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link BudgetLedger} over each tenant's {@code BudgetStore}, whose atomic reservations hold across
 * every JVM sharing the database. A profile's limits are written to the store when they differ from
 * what it holds (limit changes are audited there, so unchanged limits are not written again); the
 * store then enforces every limit of the tenant and project, including ones set by operators.
 */
final class StoreBudgetLedger implements BudgetLedger {

    /** An unsettled reservation lapses after this (a crashed JVM must not hold budget for ever). */
    static final Duration RESERVATION_TTL = Duration.ofMinutes(15);

    private final RouterStores stores;
    private final Map<String, BigDecimal> limitsWritten = new ConcurrentHashMap<>();

    StoreBudgetLedger(RouterStores stores) {
        this.stores = stores;
    }

    @Override
    public BudgetReservation reserve(String tenant, Optional<String> project, List<BudgetLimit> limits, BigDecimal amount) {
        BudgetStore budgets = stores.tenant(tenant).budgets();
        Optional<ProjectId> projectId = project.map(ProjectId::of);
        for (BudgetLimit limit : limits) {
            if (limit.scope() == BudgetLimit.Scope.PROJECT && projectId.isEmpty()) {
                continue;
            }
            BudgetKey key = key(limit, projectId);
            String memo = tenant + "|" + key;
            if (limit.limitUsd().equals(limitsWritten.get(memo))) {
                continue;
            }
            Optional<BudgetStatus> current = budgets.status(key);
            if (current.isEmpty() || current.get().limit().compareTo(limit.limitUsd()) != 0) {
                budgets.setLimit(key, limit.limitUsd());
            }
            limitsWritten.put(memo, limit.limitUsd());
        }
        try {
            Reservation r = budgets.reserve(projectId, amount, RESERVATION_TTL);
            return new BudgetReservation(tenant + "/" + r.id(), amount);
        } catch (dev.orion.store.BudgetExceededException e) {
            BudgetKey k = e.budget();
            String name = "tenant:" + tenant + k.project().map(p -> "/project:" + p.value()).orElse("") + "/"
                    + k.period().name().toLowerCase(java.util.Locale.ROOT) + "=" + e.limit().toPlainString();
            throw new BudgetExceededException(name, e.limit(), e.committed(), e.requested(), e.resetsAt().orElse(null));
        }
    }

    @Override
    public void settle(BudgetReservation reservation, BigDecimal actual) {
        if (reservation == BudgetReservation.NONE) {
            return;
        }
        String[] parts = split(reservation);
        stores.tenant(parts[0]).budgets().settle(parts[1], actual);
    }

    @Override
    public void release(BudgetReservation reservation) {
        if (reservation == BudgetReservation.NONE) {
            return;
        }
        String[] parts = split(reservation);
        stores.tenant(parts[0]).budgets().release(parts[1]);
    }

    @Override
    public BigDecimal spent(String tenant, Optional<String> project, BudgetLimit limit) {
        return stores.tenant(tenant).budgets().status(key(limit, project.map(ProjectId::of)))
                .map(BudgetStatus::spent).orElse(BigDecimal.ZERO);
    }

    private static BudgetKey key(BudgetLimit limit, Optional<ProjectId> project) {
        BudgetPeriod period = BudgetPeriod.valueOf(limit.period().name());
        return limit.scope() == BudgetLimit.Scope.TENANT ? BudgetKey.tenant(period) : BudgetKey.project(project.orElseThrow(), period);
    }

    private static String[] split(BudgetReservation reservation) {
        int slash = reservation.id().indexOf('/');
        return new String[] {reservation.id().substring(0, slash), reservation.id().substring(slash + 1)};
    }
}
