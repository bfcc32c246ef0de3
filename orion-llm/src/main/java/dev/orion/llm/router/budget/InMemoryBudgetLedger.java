package dev.orion.llm.router.budget;

import dev.orion.BudgetExceededException;
import dev.orion.tenant.ProjectId;
import dev.orion.tenant.TenantId;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A {@link BudgetLedger} in this JVM's memory. One lock guards all budgets, so a reservation checks
 * and books every applicable limit in one step; it is held for microseconds, never during a call.
 */
public final class InMemoryBudgetLedger implements BudgetLedger {

    private final Clock clock;
    private final Map<String, Bucket> buckets = new HashMap<>();
    private final Map<String, Booking> open = new HashMap<>();

    /** @param clock the time source for the UTC windows */
    public InMemoryBudgetLedger(Clock clock) {
        this.clock = clock;
    }

    /** A ledger on the system UTC clock. */
    public InMemoryBudgetLedger() {
        this(Clock.systemUTC());
    }

    @Override
    public synchronized BudgetReservation reserve(TenantId tenant, Optional<ProjectId> project, List<BudgetLimit> limits,
                                                  BigDecimal amount) {
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("amount must be >= 0, was " + amount);
        }
        Instant now = clock.instant();
        List<Bucket> touched = new ArrayList<>();
        for (BudgetLimit limit : limits) {
            if (limit.scope() == BudgetLimit.Scope.PROJECT && project.isEmpty()) {
                continue;
            }
            String name = name(tenant, project, limit);
            Bucket b = buckets.computeIfAbsent(name + "@" + Windows.windowId(limit.period(), now), k -> new Bucket());
            if (b.committed().add(amount).compareTo(limit.limitUsd()) > 0) {
                throw new BudgetExceededException(name, limit.scope() == BudgetLimit.Scope.TENANT
                        ? BudgetExceededException.Scope.TENANT : BudgetExceededException.Scope.PROJECT,
                        limit.limitUsd(), b.committed(), amount, Windows.resetsAt(limit.period(), now));
            }
            touched.add(b);
        }
        if (touched.isEmpty()) {
            return BudgetReservation.NONE;
        }
        for (Bucket b : touched) {
            b.reserved = b.reserved.add(amount);
        }
        String id = UUID.randomUUID().toString();
        open.put(id, new Booking(amount, touched));
        return new BudgetReservation(id, amount);
    }

    @Override
    public synchronized void settle(BudgetReservation reservation, BigDecimal actual) {
        Booking booking = open.remove(reservation.id());
        if (booking == null) {
            return;
        }
        for (Bucket b : booking.buckets) {
            b.reserved = b.reserved.subtract(booking.amount);
            b.spent = b.spent.add(actual);
        }
    }

    @Override
    public synchronized void release(BudgetReservation reservation) {
        settle(reservation, BigDecimal.ZERO);
    }

    @Override
    public synchronized BigDecimal spent(TenantId tenant, Optional<ProjectId> project, BudgetLimit limit) {
        Bucket b = buckets.get(name(tenant, project, limit) + "@" + Windows.windowId(limit.period(), clock.instant()));
        return b == null ? BigDecimal.ZERO : b.spent;
    }

    private static String name(TenantId tenant, Optional<ProjectId> project, BudgetLimit limit) {
        // the names the stores use too (BudgetKey.name), so a budget reads the same whichever ledger refused it
        String owner = limit.scope() == BudgetLimit.Scope.TENANT ? "tenant:" + tenant.value()
                : "tenant:" + tenant.value() + "/project:" + project.map(ProjectId::value).orElse("");
        return owner + "/" + limit.period().name().toLowerCase(Locale.ROOT);
    }

    private static final class Bucket {
        BigDecimal spent = BigDecimal.ZERO;
        BigDecimal reserved = BigDecimal.ZERO;

        BigDecimal committed() {
            return spent.add(reserved);
        }
    }

    private record Booking(BigDecimal amount, List<Bucket> buckets) {
    }
}
