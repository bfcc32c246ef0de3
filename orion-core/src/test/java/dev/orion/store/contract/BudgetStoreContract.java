package dev.orion.store.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orion.BudgetExceededException;
import dev.orion.store.AuditFilter;
import dev.orion.store.BudgetCap;
import dev.orion.store.BudgetKey;
import dev.orion.store.BudgetPeriod;
import dev.orion.store.BudgetStatus;
import dev.orion.store.BudgetStore;
import dev.orion.store.Reservation;
import dev.orion.store.TenantStores;
import dev.orion.tenant.ProjectId;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The contract of {@link dev.orion.store.BudgetStore}: limits, atomic reservations, windows. */
public abstract class BudgetStoreContract extends ContractSupport {

    private static final Optional<ProjectId> P = Optional.of(ProjectId.of("p1"));

    @Test
    void reserveSettleReleaseAndLimits() {
        TenantStores tenant = newTenant();
        BudgetStore b = tenant.budgets();
        b.setLimit(BudgetKey.project(ProjectId.of("p1"), BudgetPeriod.DAY), new BigDecimal("1.00"));
        b.setLimit(BudgetKey.tenant(BudgetPeriod.MONTH), new BigDecimal("5.00"));
        Reservation r1 = b.reserve(P, new BigDecimal("0.60"), Duration.ofMinutes(5));
        BudgetExceededException e = org.junit.jupiter.api.Assertions.assertThrows(BudgetExceededException.class,
                () -> b.reserve(P, new BigDecimal("0.50"), Duration.ofMinutes(5)));
        assertThat(e.budget()).isEqualTo("tenant:" + tenant.tenant().value() + "/project:p1/day");
        assertThat(e.scope()).isEqualTo(BudgetExceededException.Scope.PROJECT);
        assertThat(e.limit()).isEqualByComparingTo("1.00");
        assertThat(e.spent()).isEqualByComparingTo("0.60");
        assertThat(e.requested()).isEqualByComparingTo("0.50");
        assertThat(e.resetsAt()).contains(Instant.parse("2026-03-15T00:00:00Z"));
        assertThat(e.retryable()).isTrue();
        assertThat(e.getMessage()).contains("/project:p1/day").contains("resets at 2026-03-15T00:00:00Z");
        assertThat(b.settle(r1.id(), new BigDecimal("0.25"))).isTrue();
        assertThat(b.settle(r1.id(), new BigDecimal("0.25"))).as("settles once").isFalse();
        BudgetStatus day = b.status(BudgetKey.project(ProjectId.of("p1"), BudgetPeriod.DAY)).orElseThrow();
        assertThat(day.spent()).isEqualByComparingTo("0.25");
        assertThat(day.reserved()).isEqualByComparingTo("0");
        assertThat(day.remaining()).isEqualByComparingTo("0.75");
        Reservation r2 = b.reserve(P, new BigDecimal("0.70"), Duration.ofMinutes(5));
        assertThat(b.release(r2.id())).isTrue();
        assertThat(b.release(r2.id())).isFalse();
        b.reserve(Optional.empty(), new BigDecimal("4.70"), Duration.ofMinutes(5));
        assertThatThrownBy(() -> b.reserve(Optional.empty(), new BigDecimal("0.10"), Duration.ofMinutes(5)))
                .isInstanceOf(BudgetExceededException.class).hasMessageContaining("tenant budget 'tenant:" + tenant.tenant().value() + "/month'");
        clock().advance(Duration.ofDays(1));
        assertThat(b.status(BudgetKey.project(ProjectId.of("p1"), BudgetPeriod.DAY)).orElseThrow().spent())
                .as("a new day starts a new window").isEqualByComparingTo("0");
        assertThat(b.list()).extracting(BudgetStatus::key).containsExactly(BudgetKey.tenant(BudgetPeriod.MONTH),
                BudgetKey.project(ProjectId.of("p1"), BudgetPeriod.DAY));
    }

    @Test
    void lapsedReservationsAreReleasedAndChargesCountWithoutLimit() {
        TenantStores t = newTenant();
        BudgetStore b = t.budgets();
        b.charge(P, new BigDecimal("2.5"));
        b.reserve(P, new BigDecimal("1"), Duration.ofSeconds(30));
        long audits = auditCount(t);
        BudgetStatus s = b.setLimit(BudgetKey.project(ProjectId.of("p1"), BudgetPeriod.TOTAL), new BigDecimal("10"));
        assertThat(auditCount(t)).isEqualTo(audits + 1);
        assertThat(s.spent()).isEqualByComparingTo("2.5");
        assertThat(s.reserved()).isEqualByComparingTo("1");
        assertThat(s.resetsAt()).isEmpty();
        clock().advance(Duration.ofSeconds(31));
        assertThat(b.releaseExpired()).isEqualTo(1);
        assertThat(b.status(BudgetKey.project(ProjectId.of("p1"), BudgetPeriod.TOTAL)).orElseThrow().reserved()).isEqualByComparingTo("0");
        assertThat(b.removeLimit(BudgetKey.project(ProjectId.of("p1"), BudgetPeriod.TOTAL))).isTrue();
        assertThat(b.removeLimit(BudgetKey.project(ProjectId.of("p1"), BudgetPeriod.TOTAL))).isFalse();
        assertThatThrownBy(() -> b.reserve(P, new BigDecimal("-1"), Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void concurrentWritersOfTheSameLimitAuditOneChange() throws Exception {
        TenantStores t = newTenant();
        BudgetKey key = BudgetKey.project(ProjectId.of("p1"), BudgetPeriod.DAY);
        long before = auditCount(t);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<BudgetStatus>> writers = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                writers.add(() -> backend().stores().tenant(t.tenant(), t.actor()).budgets().setLimit(key, new BigDecimal("2.50")));
            }
            for (Future<BudgetStatus> f : pool.invokeAll(writers)) {
                assertThat(f.get().limit()).isEqualByComparingTo("2.5");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(auditCount(t)).as("one change, however many writers").isEqualTo(before + 1);
        t.budgets().setLimit(key, new BigDecimal("2.5"));
        assertThat(auditCount(t)).as("the same limit again is no change").isEqualTo(before + 1);
        assertThat(t.budgets().setLimit(key, new BigDecimal("3")).limit()).isEqualByComparingTo("3");
        assertThat(auditCount(t)).isEqualTo(before + 2);
    }

    @Test
    void concurrentReservationsNeverOverspend() throws Exception {
        TenantStores t = newTenant();
        t.budgets().setLimit(BudgetKey.tenant(BudgetPeriod.DAY), new BigDecimal("10"));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Boolean>> tasks = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                Optional<ProjectId> project = i % 2 == 0 ? P : Optional.of(ProjectId.of("p2"));
                tasks.add(() -> {
                    try {
                        backend().stores().tenant(t.tenant(), t.actor()).budgets().reserve(project, new BigDecimal("0.75"), Duration.ofMinutes(1));
                        return true;
                    } catch (BudgetExceededException e) {
                        return false;
                    }
                });
            }
            long granted = 0;
            for (Future<Boolean> f : pool.invokeAll(tasks)) {
                granted += f.get() ? 1 : 0;
            }
            assertThat(granted).isEqualTo(13);
            assertThat(t.budgets().status(BudgetKey.tenant(BudgetPeriod.DAY)).orElseThrow().reserved()).isEqualByComparingTo("9.75");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void callerCapsAreCheckedWithTheOperatorsLimitAndNeverOverwriteIt() {
        TenantStores t = newTenant();
        BudgetStore b = t.budgets();
        BudgetKey day = BudgetKey.tenant(BudgetPeriod.DAY);
        b.setLimit(day, new BigDecimal("0.0001"));
        long audits = auditCount(t);
        // a profile allowing $100/day does not lift the operator's $0.0001
        assertThatThrownBy(() -> b.reserve(Optional.empty(), new BigDecimal("0.001"), Duration.ofMinutes(1),
                List.of(new BudgetCap(day, new BigDecimal("100"))))).isInstanceOfSatisfying(BudgetExceededException.class,
                e -> assertThat(e.limit()).isEqualByComparingTo("0.0001"));
        assertThat(b.status(day).orElseThrow().limit()).isEqualByComparingTo("0.0001");
        b.setLimit(day, new BigDecimal("10"));
        // a cap below the operator's limit holds too, for the reservation that brings it
        assertThatThrownBy(() -> b.reserve(P, new BigDecimal("0.6"), Duration.ofMinutes(1),
                List.of(new BudgetCap(BudgetKey.project(ProjectId.of("p1"), BudgetPeriod.MONTH), new BigDecimal("0.5")))))
                .isInstanceOfSatisfying(BudgetExceededException.class, e -> {
                    assertThat(e.limit()).isEqualByComparingTo("0.5");
                    assertThat(e.budget()).isEqualTo("tenant:" + t.tenant().value() + "/project:p1/month");
                });
        Reservation ok = b.reserve(P, new BigDecimal("0.4"), Duration.ofMinutes(1),
                List.of(new BudgetCap(BudgetKey.project(ProjectId.of("p1"), BudgetPeriod.MONTH), new BigDecimal("0.5"))));
        assertThat(b.settle(ok.id(), new BigDecimal("0.4"))).isTrue();
        assertThat(b.status(day).orElseThrow().limit()).as("no cap is stored").isEqualByComparingTo("10");
        assertThat(b.list()).extracting(BudgetStatus::key).containsExactly(day);
        assertThat(auditCount(t)).as("one audit event: the operator's change, none for caps").isEqualTo(audits + 1);
        assertThatThrownBy(() -> b.reserve(Optional.empty(), BigDecimal.ONE, Duration.ofMinutes(1),
                List.of(new BudgetCap(BudgetKey.project(ProjectId.of("p1"), BudgetPeriod.DAY), BigDecimal.TEN))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("p1");
    }

    @Test
    void concurrentReservationsUnderAlternatingCapsNeverOverspendEitherLimit() throws Exception {
        TenantStores t = newTenant();
        BudgetKey day = BudgetKey.tenant(BudgetPeriod.DAY);
        t.budgets().setLimit(day, new BigDecimal("0.002"));
        long audits = auditCount(t);
        BigDecimal each = new BigDecimal("0.0002");
        AtomicInteger tinyGranted = new AtomicInteger();
        AtomicInteger granted = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Void>> tasks = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                // two profiles of one tenant, $0.001/day and $100/day, both under the operator's $0.002/day
                boolean tiny = i % 2 == 0;
                BigDecimal cap = tiny ? new BigDecimal("0.001") : new BigDecimal("100");
                tasks.add(() -> {
                    BudgetStore mine = backend().stores().tenant(t.tenant(), t.actor()).budgets();
                    try {
                        Reservation r = mine.reserve(Optional.empty(), each, Duration.ofMinutes(1), List.of(new BudgetCap(day, cap)));
                        granted.incrementAndGet();
                        if (tiny) {
                            tinyGranted.incrementAndGet();
                        }
                        mine.settle(r.id(), each);
                    } catch (BudgetExceededException e) {
                        assertThat(e.limit()).isIn(new BigDecimal("0.001"), new BigDecimal("0.002"));
                    }
                    return null;
                });
            }
            for (Future<Void> f : pool.invokeAll(tasks)) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        BudgetStatus status = t.budgets().status(day).orElseThrow();
        assertThat(status.spent()).isLessThanOrEqualTo(new BigDecimal("0.002"))
                .isEqualByComparingTo(each.multiply(BigDecimal.valueOf(granted.get())));
        assertThat(granted.get()).isEqualTo(10);
        assertThat(tinyGranted.get()).as("the $0.001 profile got at most 5 calls of $0.0002").isBetween(1, 5);
        assertThat(status.limit()).isEqualByComparingTo("0.002");
        assertThat(auditCount(t)).as("no set-limit events from reservations").isEqualTo(audits);
    }

    @Test
    void aSettlementAboveTheEstimateIsChargedInFullAndAudited() {
        TenantStores t = newTenant();
        BudgetStore b = t.budgets();
        b.setLimit(BudgetKey.tenant(BudgetPeriod.DAY), new BigDecimal("1"));
        Reservation r = b.reserve(Optional.empty(), new BigDecimal("0.01"), Duration.ofMinutes(1));
        assertThat(b.settle(r.id(), new BigDecimal("3.5"))).isTrue();
        BudgetStatus s = b.status(BudgetKey.tenant(BudgetPeriod.DAY)).orElseThrow();
        assertThat(s.spent()).isEqualByComparingTo("3.5");
        assertThat(s.remaining()).isNegative();
        assertThat(t.audit().count(AuditFilter.all().withResourceType("budget").withAction("overspend"))).isEqualTo(1);
        assertThatThrownBy(() -> b.reserve(Optional.empty(), BigDecimal.ZERO.add(new BigDecimal("0.0001")), Duration.ofMinutes(1)))
                .isInstanceOf(BudgetExceededException.class);
    }
}
