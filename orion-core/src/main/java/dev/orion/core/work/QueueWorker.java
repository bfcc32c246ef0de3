package dev.orion.core.work;

import dev.orion.store.Lease;
import dev.orion.store.StoreArguments;
import dev.orion.store.WorkQueue;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Processes one queue with a fixed number of threads. Each thread claims one item at a time under a
 * lease, renews the lease while the handler runs, and completes or fails the item. Anything the handler
 * throws, {@link Error}s included, fails only that attempt: the heartbeat stops and the thread claims
 * the next item. Finished work whose completion cannot be written is retried a few times (completion is
 * idempotent per lease); if it still cannot be recorded, the item runs again after its lease lapses, so
 * handlers must tolerate a repeat ({@code item.attempts() > 1} tells them it may be one). Build with
 * {@link #builder(WorkQueue, String, WorkHandler)}, then {@link #start()} and, at shutdown,
 * {@link #shutdown(Duration)}.
 */
public final class QueueWorker {

    private static final Logger LOG = LoggerFactory.getLogger(QueueWorker.class);
    /** How often a worker tries to record finished work before leaving it to the lease to lapse. */
    private static final int COMPLETE_ATTEMPTS = 5;
    private static final long COMPLETE_BACKOFF_MS = 50;

    private final WorkQueue queue;
    private final String queueName;
    private final WorkHandler handler;
    private final String workerId;
    private final int concurrency;
    private final Duration lease;
    private final Duration pollInterval;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private final AtomicInteger processed = new AtomicInteger();
    private volatile boolean stopping;
    /** Set by {@link #poke()} under the lock, cleared by the thread that consumed it. */
    private boolean poked;
    private ExecutorService threads;
    private ScheduledExecutorService heartbeats;

    private QueueWorker(Builder b) {
        this.queue = b.queue;
        this.queueName = b.queueName;
        this.handler = b.handler;
        this.workerId = b.workerId;
        this.concurrency = b.concurrency;
        this.lease = b.lease;
        this.pollInterval = b.pollInterval;
    }

    /**
     * @param queue     the tenant's work queue
     * @param queueName the queue to process
     * @param handler   what to do with each item
     * @return a builder
     */
    public static Builder builder(WorkQueue queue, String queueName, WorkHandler handler) {
        return new Builder(queue, queueName, handler);
    }

    /** Starts the worker threads. */
    public synchronized void start() {
        if (threads != null) {
            throw new IllegalStateException("worker " + workerId + " already started");
        }
        threads = Executors.newFixedThreadPool(concurrency, r -> {
            Thread t = new Thread(r, "orion-worker-" + workerId);
            t.setDaemon(true);
            return t;
        });
        heartbeats = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "orion-worker-heartbeat-" + workerId);
            t.setDaemon(true);
            return t;
        });
        for (int i = 0; i < concurrency; i++) {
            threads.execute(this::loop);
        }
    }

    /** @return how many items this worker completed or failed so far */
    public int processed() {
        return processed.get();
    }

    /** Wakes idle threads so they poll now (for example after enqueueing). */
    public void poke() {
        lock.lock();
        try {
            poked = true;
            wake.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void loop() {
        while (!stopping) {
            List<Lease> claimed;
            try {
                claimed = queue.claim(queueName, workerId, 1, lease);
            } catch (RuntimeException e) {
                LOG.warn("worker {} could not claim from queue {}: {}", workerId, queueName, e.getMessage());
                claimed = List.of();
            }
            if (claimed.isEmpty()) {
                idle();
                continue;
            }
            run(claimed.get(0));
        }
    }

    private void idle() {
        lock.lock();
        try {
            // a poke that came while this thread was claiming is not lost: it skips the wait
            if (!stopping && !poked) {
                wake.await(pollInterval.toNanos(), TimeUnit.NANOSECONDS);
            }
            poked = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping = true;
        } finally {
            lock.unlock();
        }
    }

    private void run(Lease claimed) {
        // written by the heartbeat thread, read by this one
        AtomicReference<Lease> current = new AtomicReference<>(claimed);
        long every = Math.max(1, lease.toMillis() / 3);
        ScheduledFuture<?> beat = heartbeats.scheduleAtFixedRate(() -> {
            try {
                queue.extend(current.get(), lease).ifPresent(current::set);
            } catch (RuntimeException e) {
                LOG.warn("worker {} could not extend its lease on {}: {}", workerId, claimed.item().id(), e.getMessage());
            }
        }, every, every, TimeUnit.MILLISECONDS);
        try {
            handler.handle(claimed.item());
            recordDone(current);
        } catch (InterruptedException e) {
            release(current.get());
            Thread.currentThread().interrupt();
            stopping = true;
        } catch (Throwable e) {
            // an Error (StackOverflowError, an assertion, a linkage problem) fails the attempt like an
            // exception: the thread lives on to claim the next item instead of dying with the lease
            recordFailure(current.get(), e);
        } finally {
            beat.cancel(false);
        }
    }

    /**
     * Completes the item, retrying while the heartbeat keeps the lease alive: completion is idempotent
     * for the lease that did the work, so a retry after a commit whose answer was lost still counts.
     */
    private void recordDone(AtomicReference<Lease> current) {
        for (int attempt = 1; ; attempt++) {
            try {
                if (!queue.complete(current.get())) {
                    LOG.warn("worker {} finished {} after losing its lease; another worker may repeat it", workerId,
                            current.get().item().id());
                }
                processed.incrementAndGet();
                return;
            } catch (RuntimeException e) {
                if (attempt == COMPLETE_ATTEMPTS) {
                    LOG.error("worker {} did the work of {} but could not record it after {} attempts ({}); it runs again"
                            + " once its lease lapses", workerId, current.get().item().id(), attempt, e.getMessage());
                    processed.incrementAndGet();
                    return;
                }
                LOG.warn("worker {} could not record {} as done (attempt {}): {}", workerId, current.get().item().id(), attempt,
                        e.getMessage());
                try {
                    TimeUnit.MILLISECONDS.sleep(COMPLETE_BACKOFF_MS << (attempt - 1));
                } catch (InterruptedException stop) {
                    // the work is done: never release it; the lapsed lease brings it back if nobody completes it
                    Thread.currentThread().interrupt();
                    stopping = true;
                    return;
                }
            }
        }
    }

    private void recordFailure(Lease held, Throwable error) {
        try {
            queue.fail(held, error.getClass().getSimpleName() + ": " + error.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("worker {} could not record the failure of {}: {}; it is retried once its lease lapses", workerId,
                    held.item().id(), e.getMessage());
        }
        processed.incrementAndGet();
    }

    private void release(Lease held) {
        try {
            queue.release(held);
        } catch (RuntimeException e) {
            LOG.warn("worker {} could not release {}: {}; it is reclaimed once its lease lapses", workerId, held.item().id(),
                    e.getMessage());
        }
    }

    /**
     * Stops claiming, waits up to {@code timeout} for handlers in progress, then interrupts the rest,
     * whose items are released back to the queue without counting the attempt.
     *
     * @param timeout how long to let running handlers finish
     * @return true if every handler finished within the timeout
     */
    public boolean shutdown(Duration timeout) {
        stopping = true;
        poke();
        ExecutorService t;
        synchronized (this) {
            t = threads;
        }
        if (t == null) {
            return true;
        }
        t.shutdown();
        boolean clean;
        try {
            clean = t.awaitTermination(timeout.toNanos(), TimeUnit.NANOSECONDS);
            if (!clean) {
                t.shutdownNow();
                t.awaitTermination(timeout.toNanos(), TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            t.shutdownNow();
            clean = false;
        }
        heartbeats.shutdownNow();
        return clean;
    }

    /** Configures a {@link QueueWorker}. */
    public static final class Builder {
        private final WorkQueue queue;
        private final String queueName;
        private final WorkHandler handler;
        private String workerId = "worker-" + ProcessHandle.current().pid();
        private int concurrency = 1;
        private Duration lease = Duration.ofMinutes(5);
        private Duration pollInterval = Duration.ofSeconds(1);

        private Builder(WorkQueue queue, String queueName, WorkHandler handler) {
            this.queue = Objects.requireNonNull(queue, "queue");
            this.queueName = StoreArguments.text("queueName", queueName, 100);
            this.handler = Objects.requireNonNull(handler, "handler");
        }

        /** @param id the lease owner name (default {@code worker-<pid>}) @return this */
        public Builder workerId(String id) {
            this.workerId = StoreArguments.text("workerId", id, 200);
            return this;
        }

        /** @param threads items processed at once (1-256, default 1) @return this */
        public Builder concurrency(int threads) {
            if (threads < 1 || threads > 256) {
                throw new IllegalArgumentException("concurrency must be 1..256, got " + threads);
            }
            this.concurrency = threads;
            return this;
        }

        /** @param d lease length, renewed every third of it while a handler runs (default 5 min) @return this */
        public Builder lease(Duration d) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("lease must be positive, got " + d);
            }
            this.lease = d;
            return this;
        }

        /** @param d how long an idle thread waits before polling again (default 1 s) @return this */
        public Builder pollInterval(Duration d) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("pollInterval must be positive, got " + d);
            }
            this.pollInterval = d;
            return this;
        }

        /** @return the worker (not started) */
        public QueueWorker build() {
            return new QueueWorker(this);
        }
    }
}
