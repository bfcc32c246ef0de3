package dev.orion.core.work;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orion.core.Stores;
import dev.orion.store.Lease;
import dev.orion.store.NewWorkItem;
import dev.orion.store.WorkItem;
import dev.orion.store.WorkQueue;
import dev.orion.store.WorkStatus;
import dev.orion.tenant.Principal;
import dev.orion.tenant.TenantId;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;

class QueueWorkerTest {

    private final WorkQueue queue = Stores.inMemory().tenant(TenantId.of("acme"), Principal.system("test")).workQueue();

    @Test
    void processesEveryItemOnceAcrossThreadsAndFailsThrowingHandlers() throws Exception {
        int n = 40;
        CountDownLatch all = new CountDownLatch(n);
        Set<String> seen = ConcurrentHashMap.newKeySet();
        for (int i = 0; i < n; i++) {
            queue.enqueue(NewWorkItem.of("q", i == 7 ? "poison" : "item-" + i).withMaxAttempts(1));
        }
        QueueWorker worker = QueueWorker.builder(queue, "q", item -> {
            try {
                if (item.payload().equals("poison")) {
                    throw new IllegalStateException("cannot parse");
                }
                assertThat(seen.add(item.payload())).isTrue();
            } finally {
                all.countDown();
            }
        }).concurrency(3).pollInterval(Duration.ofMillis(20)).workerId("w1").build();
        worker.start();
        assertThat(all.await(20, TimeUnit.SECONDS)).isTrue();
        assertThat(worker.shutdown(Duration.ofSeconds(10))).isTrue();
        assertThat(seen).hasSize(n - 1);
        assertThat(queue.counts("q")).containsEntry(WorkStatus.DONE, (long) n - 1).containsEntry(WorkStatus.DEAD, 1L);
        assertThat(worker.processed()).isEqualTo(n);
    }

    @Test
    void shutdownStopsClaimingAndReleasesInterruptedWork() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        queue.enqueue(NewWorkItem.of("slow", "forever"));
        QueueWorker worker = QueueWorker.builder(queue, "slow", item -> {
            started.countDown();
            new CountDownLatch(1).await(); // only an interrupt ends this handler
        }).pollInterval(Duration.ofMillis(20)).build();
        worker.start();
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(worker.shutdown(Duration.ofMillis(200))).as("handler did not finish in time").isFalse();
        queue.enqueue(NewWorkItem.of("slow", "after-shutdown"));
        var items = queue.counts("slow");
        assertThat(items).containsEntry(WorkStatus.PENDING, 2L).containsEntry(WorkStatus.LEASED, 0L);
        assertThat(queue.query(dev.orion.store.WorkItemFilter.all().withQueue("slow"), dev.orion.store.PageRequest.first(5)).items())
                .allMatch(w -> w.attempts() == 0);
    }

    @Test
    void gracefulShutdownLetsTheRunningHandlerFinish() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch proceed = new CountDownLatch(1);
        queue.enqueue(NewWorkItem.of("g", "one"));
        QueueWorker worker = QueueWorker.builder(queue, "g", item -> {
            started.countDown();
            proceed.await();
        }).pollInterval(Duration.ofMillis(20)).build();
        worker.start();
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        Thread releaser = new Thread(proceed::countDown);
        releaser.start();
        assertThat(worker.shutdown(Duration.ofSeconds(10))).isTrue();
        assertThat(queue.counts("g")).containsEntry(WorkStatus.DONE, 1L);
    }

    private static void awaitCondition(BooleanSupplier done) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!done.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not met within 20 s").isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    @Test
    void aHandlerErrorFailsTheItemStopsTheHeartbeatAndTheThreadKeepsWorking() throws Exception {
        queue.enqueue(NewWorkItem.of("e", "overflow").withMaxAttempts(1));
        queue.enqueue(NewWorkItem.of("e", "fine").withPriority(-1));
        Set<String> done = ConcurrentHashMap.newKeySet();
        QueueWorker worker = QueueWorker.builder(queue, "e", item -> {
            if (item.payload().equals("overflow")) {
                throw new StackOverflowError("deep");
            }
            done.add(item.payload());
        }).lease(Duration.ofMillis(300)).pollInterval(Duration.ofMillis(20)).build();
        worker.start();
        awaitCondition(() -> done.contains("fine"));
        assertThat(worker.shutdown(Duration.ofSeconds(10))).isTrue();
        WorkItem overflow = queue.query(dev.orion.store.WorkItemFilter.all().withQueue("e").withStatus(WorkStatus.DEAD),
                dev.orion.store.PageRequest.first(5)).items().get(0);
        assertThat(overflow.payload()).isEqualTo("overflow");
        assertThat(overflow.lastError()).hasValueSatisfying(e -> assertThat(e).contains("StackOverflowError"));
        assertThat(queue.counts("e")).containsEntry(WorkStatus.LEASED, 0L).containsEntry(WorkStatus.DONE, 1L);
    }

    @Test
    void workDoneButNotRecordedIsCompletedByRetryingAndNotRunAgain() throws Exception {
        AtomicInteger completeFailures = new AtomicInteger(2);
        WorkQueue flaky = (WorkQueue) Proxy.newProxyInstance(WorkQueue.class.getClassLoader(), new Class<?>[] {WorkQueue.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("complete")) {
                        int left = completeFailures.getAndDecrement();
                        if (left == 2) {
                            throw new dev.orion.store.StoreException("database went away before the commit");
                        }
                        if (left == 1) {
                            // this attempt commits, then the connection drops before the answer arrives
                            queue.complete((Lease) args[0]);
                            throw new dev.orion.store.StoreException("connection reset after the commit");
                        }
                    }
                    try {
                        return method.invoke(queue, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        queue.enqueue(NewWorkItem.of("c", "once"));
        AtomicInteger runs = new AtomicInteger();
        QueueWorker worker = QueueWorker.builder(flaky, "c", item -> runs.incrementAndGet())
                .pollInterval(Duration.ofMillis(20)).build();
        worker.start();
        awaitCondition(() -> worker.processed() == 1);
        assertThat(worker.shutdown(Duration.ofSeconds(10))).isTrue();
        assertThat(runs.get()).isEqualTo(1);
        assertThat(queue.counts("c")).containsEntry(WorkStatus.DONE, 1L).containsEntry(WorkStatus.PENDING, 0L);
    }
}
