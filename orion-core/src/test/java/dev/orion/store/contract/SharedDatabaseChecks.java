package dev.orion.store.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orion.BudgetExceededException;
import dev.orion.store.BudgetKey;
import dev.orion.store.BudgetPeriod;
import dev.orion.store.Lease;
import dev.orion.store.NewWorkItem;
import dev.orion.store.OrionStores;
import dev.orion.store.TenantStores;
import dev.orion.store.WorkQueue;
import dev.orion.store.WorkStatus;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL only: two independent stores instances (separate pools, as two JVMs would have) share
 * one database; work is still done exactly once and a budget still holds across both.
 */
public abstract class SharedDatabaseChecks extends ContractSupport {

    @Test
    void workersOfTwoInstancesProcessEachItemOnceAndBudgetsHoldAcrossThem() throws Exception {
        try (OrionStores second = backend().another().orElseThrow().get()) {
            TenantStores t = newTenant();
            List<OrionStores> instances = List.of(backend().stores(), second);
            int items = 80;
            for (int i = 0; i < items; i++) {
                t.workQueue().enqueue(NewWorkItem.of("shared", Integer.toString(i)));
            }
            t.budgets().setLimit(BudgetKey.tenant(BudgetPeriod.DAY), new BigDecimal("5"));
            Map<String, AtomicInteger> done = new ConcurrentHashMap<>();
            AtomicInteger granted = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Callable<Void>> tasks = new ArrayList<>();
                for (int w = 0; w < 4; w++) {
                    OrionStores instance = instances.get(w % 2);
                    String worker = "jvm" + (w % 2) + "-w" + w;
                    tasks.add(() -> {
                        TenantStores view = instance.tenant(t.tenant(), t.actor());
                        WorkQueue q = view.workQueue();
                        for (List<Lease> batch = q.claim("shared", worker, 2, Duration.ofMinutes(5)); !batch.isEmpty();
                             batch = q.claim("shared", worker, 2, Duration.ofMinutes(5))) {
                            for (Lease l : batch) {
                                done.computeIfAbsent(l.item().payload(), k -> new AtomicInteger()).incrementAndGet();
                                q.complete(l);
                                try {
                                    view.budgets().reserve(Optional.empty(), new BigDecimal("0.25"), Duration.ofMinutes(1));
                                    granted.incrementAndGet();
                                } catch (BudgetExceededException e) {
                                    // expected once the shared limit is reached
                                }
                            }
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
            assertThat(done).hasSize(items);
            assertThat(done.values()).allMatch(n -> n.get() == 1);
            assertThat(t.workQueue().counts("shared")).containsEntry(WorkStatus.DONE, (long) items);
            assertThat(granted.get()).isEqualTo(20);
        }
    }
}
