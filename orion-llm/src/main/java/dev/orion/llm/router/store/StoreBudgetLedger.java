package dev.orion.llm.router.store;

import dev.orion.BudgetExceededException;
import dev.orion.llm.router.budget.BudgetLedger;
import dev.orion.llm.router.budget.BudgetLimit;
import dev.orion.llm.router.budget.BudgetReservation;
import dev.orion.store.BudgetKey;
import dev.orion.store.BudgetPeriod;
import dev.orion.store.BudgetStatus;
import dev.orion.store.BudgetStore;
import dev.orion.store.Reservation;
import dev.orion.tenant.ProjectId;
import dev.orion.tenant.TenantId;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link BudgetLedger} over each tenant's {@code BudgetStore}, whose atomic reservations hold across
 * every JVM sharing the database. A profile's limits are written to the store the first time this
 * instance uses them (setting an unchanged limit is a no-op there, without an audit event); the store
 * then enforces every limit of the tenant and project, including ones set by operators. A refusal is
 * the store's {@link BudgetExceededException}, passed on unchanged. Reservations lapse after
 * {@link #RESERVATION_TTL} if never settled (an instance died mid-call); a refusal releases lapsed
 * reservations of the tenant and tries once more.
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
    public BudgetReservation reserve(TenantId tenant, Optional<ProjectId> project, List<BudgetLimit> limits, BigDecimal amount) {
        BudgetStore budgets = stores.tenant(tenant).budgets();
        for (BudgetLimit limit : limits) {
            if (limit.scope() == BudgetLimit.Scope.PROJECT && project.isEmpty()) {
                continue;
            }
            BudgetKey key = key(limit, project);
            String memo = tenant.value() + "|" + key;
            if (limit.limitUsd().equals(limitsWritten.get(memo))) {
                continue;
            }
            // the store audits only real changes and takes concurrent writers of one value (other
            // instances, other threads here) in its stride
            budgets.setLimit(key, limit.limitUsd());
            limitsWritten.put(memo, limit.limitUsd());
        }
        // a refusal is the store's dev.orion.BudgetExceededException, passed on as it is
        Reservation r;
        try {
            r = budgets.reserve(project, amount, RESERVATION_TTL);
        } catch (BudgetExceededException e) {
            // reservations of an instance that died hold budget until they lapse; nothing else releases
            // them, so a refusal first frees lapsed ones (cheap, and only on the refusal path)
            if (budgets.releaseExpired() == 0) {
                throw e;
            }
            r = budgets.reserve(project, amount, RESERVATION_TTL);
        }
        return new BudgetReservation(tenant.value() + "/" + r.id(), amount);
    }

    @Override
    public void settle(BudgetReservation reservation, BigDecimal actual) {
        if (reservation == BudgetReservation.NONE) {
            return;
        }
        String[] parts = split(reservation);
        stores.tenant(TenantId.of(parts[0])).budgets().settle(parts[1], actual);
    }

    @Override
    public void release(BudgetReservation reservation) {
        if (reservation == BudgetReservation.NONE) {
            return;
        }
        String[] parts = split(reservation);
        stores.tenant(TenantId.of(parts[0])).budgets().release(parts[1]);
    }

    @Override
    public BigDecimal spent(TenantId tenant, Optional<ProjectId> project, BudgetLimit limit) {
        return stores.tenant(tenant).budgets().status(key(limit, project))
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
