package dev.orion.store.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orion.BudgetExceededException;
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
}
