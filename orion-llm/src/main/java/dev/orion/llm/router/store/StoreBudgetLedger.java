package dev.orion.llm.router.store;

import dev.orion.BudgetExceededException;
import dev.orion.llm.router.budget.BudgetLedger;
import dev.orion.llm.router.budget.BudgetLimit;
import dev.orion.llm.router.budget.BudgetReservation;
import dev.orion.store.BudgetCap;
import dev.orion.store.BudgetKey;
import dev.orion.store.BudgetPeriod;
import dev.orion.store.BudgetStore;
import dev.orion.store.Reservation;
import dev.orion.tenant.ProjectId;
import dev.orion.tenant.TenantId;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link BudgetLedger} over each tenant's {@code BudgetStore}, whose atomic reservations hold across
 * every JVM sharing the database. A profile's limits are caps of each reservation
 * ({@link BudgetCap}): the store checks them with the limits operators set, in the reservation's
 * transaction, and never stores them, so a profile never overwrites an operator's limit nor another
 * profile's, and writes no audit event. A refusal is the store's {@link BudgetExceededException}, passed on
 * unchanged. Reservations lapse after {@link #RESERVATION_TTL} if never settled (an instance died
 * mid-call); a refusal releases lapsed reservations of the tenant and tries once more. A call that
 * outlived its reservation is still charged: its cost goes in as an unreserved charge.
 */
final class StoreBudgetLedger implements BudgetLedger {

    private static final Logger LOG = LoggerFactory.getLogger(StoreBudgetLedger.class);

    /** An unsettled reservation lapses after this (a crashed JVM must not hold budget for ever). */
    static final Duration RESERVATION_TTL = Duration.ofMinutes(15);

    private final RouterStores stores;

    StoreBudgetLedger(RouterStores stores) {
        this.stores = stores;
    }

    @Override
    public BudgetReservation reserve(TenantId tenant, Optional<ProjectId> project, List<BudgetLimit> limits, BigDecimal amount) {
        BudgetStore budgets = stores.tenant(tenant).budgets();
        List<BudgetCap> caps = new ArrayList<>();
        for (BudgetLimit limit : limits) {
            if (limit.scope() == BudgetLimit.Scope.PROJECT && project.isEmpty()) {
                continue;
            }
            caps.add(new BudgetCap(key(limit, project), limit.limitUsd()));
        }
        // a refusal is the store's dev.orion.BudgetExceededException, passed on as it is
        Reservation r;
        try {
            r = budgets.reserve(project, amount, RESERVATION_TTL, caps);
        } catch (BudgetExceededException e) {
            // reservations of an instance that died hold budget until they lapse; nothing else releases
            // them, so a refusal first frees lapsed ones (cheap, and only on the refusal path)
            if (budgets.releaseExpired() == 0) {
                throw e;
            }
            r = budgets.reserve(project, amount, RESERVATION_TTL, caps);
        }
        return new BudgetReservation(tenant.value() + "/" + project.map(ProjectId::value).orElse("") + "/" + r.id(), amount);
    }

    @Override
    public void settle(BudgetReservation reservation, BigDecimal actual) {
        if (reservation == BudgetReservation.NONE) {
            return;
        }
        Id id = Id.parse(reservation);
        BudgetStore budgets = stores.tenant(id.tenant()).budgets();
        if (actual.compareTo(reservation.amount()) > 0) {
            LOG.warn("LLM call of tenant {} cost {} USD, above its reservation of {} USD; charged in full",
                    id.tenant(), actual.toPlainString(), reservation.amount().toPlainString());
        }
        if (!budgets.settle(id.storeId(), actual)) {
            // the call outlived its reservation, which lapsed and was released: the provider bills it all the same
            LOG.warn("reservation {} of tenant {} lapsed before the call ended; charging its {} USD directly",
                    id.storeId(), id.tenant(), actual.toPlainString());
            budgets.charge(id.project(), actual);
        }
    }

    @Override
    public void release(BudgetReservation reservation) {
        if (reservation == BudgetReservation.NONE) {
            return;
        }
        Id id = Id.parse(reservation);
        stores.tenant(id.tenant()).budgets().release(id.storeId());
    }

    @Override
    public BigDecimal spent(TenantId tenant, Optional<ProjectId> project, BudgetLimit limit) {
        return stores.tenant(tenant).budgets().spent(key(limit, project));
    }

    private static BudgetKey key(BudgetLimit limit, Optional<ProjectId> project) {
        BudgetPeriod period = BudgetPeriod.valueOf(limit.period().name());
        return limit.scope() == BudgetLimit.Scope.TENANT ? BudgetKey.tenant(period) : BudgetKey.project(project.orElseThrow(), period);
    }

    /** What a reservation's id carries: tenant, project (charged again if the reservation lapsed) and the store's id. */
    private record Id(TenantId tenant, Optional<ProjectId> project, String storeId) {

        static Id parse(BudgetReservation reservation) {
            // neither tenant ids nor project ids contain '/'
            String[] parts = reservation.id().split("/", 3);
            return new Id(TenantId.of(parts[0]), parts[1].isEmpty() ? Optional.empty() : Optional.of(ProjectId.of(parts[1])), parts[2]);
        }
    }
}
