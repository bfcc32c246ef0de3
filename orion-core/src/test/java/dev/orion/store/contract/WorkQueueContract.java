package dev.orion.store.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orion.store.AuditEvent;
import dev.orion.store.AuditFilter;
import dev.orion.store.ConflictException;
import dev.orion.store.Lease;
import dev.orion.store.NewWorkItem;
import dev.orion.store.PageRequest;
import dev.orion.store.TenantStores;
import dev.orion.store.WorkItem;
import dev.orion.store.WorkItemFilter;
import dev.orion.store.WorkQueue;
import dev.orion.store.WorkStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The contract of {@link dev.orion.store.WorkQueue}: leases, reclaim, backoff, dead letters, exactly-once. */
public abstract class WorkQueueContract extends ContractSupport {

    @Test
    void idempotencyKeysPriorityAndDelay() {
        WorkQueue q = newTenant().workQueue();
        WorkItem a = q.enqueue(NewWorkItem.of("jobs", "a").withIdempotencyKey("k1"));
        assertThat(q.enqueue(NewWorkItem.of("jobs", "other payload").withIdempotencyKey("k1"))).isEqualTo(a);
        q.enqueue(NewWorkItem.of("jobs", "b").withPriority(5));
        q.enqueue(NewWorkItem.of("jobs", "later").withDelay(Duration.ofMinutes(5)));
        q.enqueue(NewWorkItem.of("other", "c"));
        List<Lease> leases = q.claim("jobs", "w1", 10, Duration.ofMinutes(10));
        assertThat(leases).extracting(l -> l.item().payload()).containsExactly("b", "a");
        assertThat(leases.get(0).item().attempts()).isEqualTo(1);
        assertThat(leases.get(0).item().leaseOwner()).contains("w1");
        clock().advance(Duration.ofMinutes(5));
        assertThat(q.claim("jobs", "w1", 10, Duration.ofMinutes(10))).extracting(l -> l.item().payload()).containsExactly("later");
        assertThat(q.counts("jobs")).isEqualTo(Map.of(WorkStatus.PENDING, 0L, WorkStatus.LEASED, 3L, WorkStatus.DONE, 0L, WorkStatus.DEAD, 0L));
        assertThat(q.complete(leases.get(0))).isTrue();
        assertThat(q.query(WorkItemFilter.all().withQueue("jobs").withStatus(WorkStatus.DONE), PageRequest.first(10)).items())
                .extracting(WorkItem::payload).containsExactly("b");
    }

    @Test
    void lapsedLeaseIsReclaimedAndTheDeadWorkersTokenIsVoid() {
        WorkQueue q = newTenant().workQueue();
        q.enqueue(NewWorkItem.of("jobs", "x"));
        Lease dead = q.claim("jobs", "worker-that-dies", 1, Duration.ofSeconds(30)).get(0);
        assertThat(q.claim("jobs", "w2", 1, Duration.ofSeconds(30))).as("leased items are not claimable").isEmpty();
        clock().advance(Duration.ofSeconds(29));
        Lease extended = q.extend(dead, Duration.ofSeconds(30)).orElseThrow();
        assertThat(extended.expiresAt()).isEqualTo(clock().instant().plusSeconds(30));
        clock().advance(Duration.ofSeconds(30));
        Lease second = q.claim("jobs", "w2", 1, Duration.ofSeconds(30)).get(0);
        assertThat(second.item().attempts()).isEqualTo(2);
        assertThat(second.item().leaseOwner()).contains("w2");
        assertThat(q.complete(dead)).isFalse();
        assertThat(q.fail(dead, "late")).isEmpty();
        assertThat(q.release(dead)).isFalse();
        assertThat(q.complete(second)).isTrue();
    }

    @Test
    void completionIsIdempotentForTheLeaseThatDidTheWorkOnly() {
        TenantStores t = newTenant();
        WorkQueue q = t.workQueue();
        q.enqueue(NewWorkItem.of("jobs", "x"));
        Lease lease = q.claim("jobs", "w", 1, Duration.ofMinutes(1)).get(0);
        assertThat(q.complete(lease)).isTrue();
        long events = auditCount(t);
        assertThat(q.complete(lease)).as("the answer of the first call was lost; the retry still counts").isTrue();
        assertThat(auditCount(t)).as("a repeated completion writes nothing").isEqualTo(events);
        Lease forged = new Lease(lease.item(), "not-the-token", lease.expiresAt());
        assertThat(q.complete(forged)).isFalse();
        assertThat(q.fail(lease, "late")).as("a done item cannot be failed").isEmpty();
        assertThat(q.release(lease)).isFalse();
        assertThat(q.find(lease.item().id()).orElseThrow().status()).isEqualTo(WorkStatus.DONE);
        assertThat(lease.toString()).doesNotContain(lease.token()).contains("<redacted>");
    }

    @Test
    void reclaimExpiredReturnsItemsToPendingAndAuditsEachOne() {
        TenantStores t = newTenant();
        WorkQueue q = t.workQueue();
        WorkItem x = q.enqueue(NewWorkItem.of("jobs", "x"));
        WorkItem y = q.enqueue(NewWorkItem.of("jobs", "y").withMaxAttempts(1));
        q.claim("jobs", "w", 2, Duration.ofSeconds(10));
        clock().advance(Duration.ofSeconds(10));
        assertThat(q.reclaimExpired()).isEqualTo(2);
        assertThat(q.counts("jobs")).containsEntry(WorkStatus.PENDING, 1L).containsEntry(WorkStatus.DEAD, 1L);
        assertThat(t.audit().query(AuditFilter.all().withAction("reclaim"), PageRequest.first(10)).items())
                .extracting(AuditEvent::resourceId).containsExactly(x.id());
        assertThat(t.audit().query(AuditFilter.all().withAction("dead-letter"), PageRequest.first(10)).items())
                .extracting(AuditEvent::resourceId).containsExactly(y.id());
    }

    @Test
    void aLapsedItemDeadLetteredByClaimIsAudited() {
        TenantStores t = newTenant();
        WorkQueue q = t.workQueue();
        WorkItem y = q.enqueue(NewWorkItem.of("jobs", "y").withMaxAttempts(1));
        q.claim("jobs", "w", 1, Duration.ofSeconds(10));
        clock().advance(Duration.ofSeconds(10));
        assertThat(q.claim("jobs", "w2", 1, Duration.ofSeconds(10))).isEmpty();
        assertThat(q.find(y.id()).orElseThrow().status()).isEqualTo(WorkStatus.DEAD);
        assertThat(t.audit().query(AuditFilter.all().withAction("dead-letter"), PageRequest.first(10)).items())
                .extracting(AuditEvent::resourceId).containsExactly(y.id());
    }

    @Test
    void poisonItemIsDeadLetteredAfterMaxAttemptsWithBackoff() {
        WorkQueue q = newTenant().workQueue();
        WorkItem item = q.enqueue(NewWorkItem.of("jobs", "poison").withMaxAttempts(3).withBackoff(Duration.ofSeconds(10)));
        List<Duration> waits = List.of(Duration.ofSeconds(10), Duration.ofSeconds(20));
        for (int attempt = 1; attempt <= 3; attempt++) {
            Lease l = q.claim("jobs", "w", 1, Duration.ofMinutes(1)).get(0);
            assertThat(l.item().attempts()).isEqualTo(attempt);
            WorkItem after = q.fail(l, "NullPointerException in attempt " + attempt).orElseThrow();
            if (attempt < 3) {
                assertThat(after.status()).isEqualTo(WorkStatus.PENDING);
                assertThat(after.availableAt()).isEqualTo(clock().instant().plus(waits.get(attempt - 1)));
                clock().advance(waits.get(attempt - 1).minusSeconds(1));
                assertThat(q.claim("jobs", "w", 1, Duration.ofMinutes(1))).as("still backing off").isEmpty();
                clock().advance(Duration.ofSeconds(1));
            } else {
                assertThat(after.status()).isEqualTo(WorkStatus.DEAD);
                assertThat(after.lastError()).contains("NullPointerException in attempt 3");
            }
        }
        clock().advance(Duration.ofHours(1));
        assertThat(q.claim("jobs", "w", 1, Duration.ofMinutes(1))).isEmpty();
        assertThat(q.retryDead(item.id()).status()).isEqualTo(WorkStatus.PENDING);
        assertThatThrownBy(() -> q.retryDead(item.id())).isInstanceOf(ConflictException.class);
        Lease again = q.claim("jobs", "w", 1, Duration.ofMinutes(1)).get(0);
        assertThat(q.release(again)).isTrue();
        assertThat(q.find(item.id()).orElseThrow().attempts()).as("release does not count an attempt").isZero();
    }

    @Test
    void concurrentWorkersProcessEachItemExactlyOnce() throws Exception {
        TenantStores t = newTenant();
        int items = 120;
        for (int i = 0; i < items; i++) {
            t.workQueue().enqueue(NewWorkItem.of("bulk", Integer.toString(i)));
        }
        Map<String, AtomicInteger> done = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                String worker = "w" + w;
                workers.add(pool.submit(() -> {
                    WorkQueue q = backend().stores().tenant(t.tenant(), t.actor()).workQueue();
                    while (true) {
                        List<Lease> batch = q.claim("bulk", worker, 3, Duration.ofMinutes(5));
                        if (batch.isEmpty()) {
                            return null;
                        }
                        for (Lease l : batch) {
                            done.computeIfAbsent(l.item().payload(), k -> new AtomicInteger()).incrementAndGet();
                            assertThat(q.complete(l)).isTrue();
                        }
                    }
                }));
            }
            for (Future<?> f : workers) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(done).hasSize(items);
        assertThat(done.values()).allMatch(n -> n.get() == 1);
        assertThat(t.workQueue().counts("bulk")).containsEntry(WorkStatus.DONE, (long) items);
    }
}
