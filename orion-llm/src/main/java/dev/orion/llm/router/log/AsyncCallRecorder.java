package dev.orion.llm.router.log;

import dev.orion.store.LlmCallRecord;
import dev.orion.tenant.TenantId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes call records to a {@link CallLog} on one background thread, in batches, without ever
 * dropping one: the queue is bounded, and when it is full {@link #record} blocks the calling thread
 * until the writer catches up (backpressure). A failing log is retried with a growing pause.
 * {@link #close()} stops intake, writes everything queued, and returns.
 */
public final class AsyncCallRecorder implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AsyncCallRecorder.class);
    private static final int BATCH = 512;

    private final CallLog log;
    private final BlockingQueue<Entry> queue;
    private final Thread writer;
    private final Object progress = new Object();
    private long enqueued;
    private long written;
    private boolean closed;

    /**
     * Starts the writer thread.
     *
     * @param log      where records go
     * @param capacity the queue bound (records waiting to be written)
     */
    public AsyncCallRecorder(CallLog log, int capacity) {
        this.log = Objects.requireNonNull(log, "log");
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1, was " + capacity);
        }
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.writer = new Thread(this::run, "orion-llm-call-recorder");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    /**
     * Queues a record, blocking while the queue is full.
     *
     * @param tenant the tenant the call was made for
     * @param record the record
     * @throws IllegalStateException after {@link #close()}
     */
    public void record(TenantId tenant, LlmCallRecord record) {
        Entry entry = new Entry(Objects.requireNonNull(tenant, "tenant"), Objects.requireNonNull(record, "record"));
        synchronized (progress) {
            // checked under the same lock as the writer's exit test, so no accepted record is stranded
            if (closed) {
                throw new IllegalStateException("call recorder is closed; record " + record.id() + " not accepted");
            }
            enqueued++;
        }
        boolean interrupted = false;
        while (true) {
            try {
                queue.put(entry);
                break;
            } catch (InterruptedException e) {
                // the record must not be lost: finish the put, then restore the interrupt
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Waits until every record queued so far is written.
     *
     * @param timeout the longest wait
     * @return whether everything was written in time
     */
    public boolean flush(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (progress) {
            long target = enqueued;
            while (written < target) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(progress, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }

    /** Records accepted and not yet written. */
    public long pending() {
        synchronized (progress) {
            return enqueued - written;
        }
    }

    private void run() {
        List<Entry> batch = new ArrayList<>(BATCH);
        while (true) {
            try {
                Entry first = queue.poll(50, TimeUnit.MILLISECONDS);
                if (first == null) {
                    if (finished()) {
                        return;
                    }
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, BATCH - 1);
                Map<TenantId, List<LlmCallRecord>> byTenant = new LinkedHashMap<>();
                batch.forEach(e -> byTenant.computeIfAbsent(e.tenant(), t -> new ArrayList<>()).add(e.record()));
                byTenant.forEach(this::writeWithRetry);
                synchronized (progress) {
                    written += batch.size();
                    progress.notifyAll();
                }
                batch.clear();
            } catch (InterruptedException e) {
                if (finished()) {
                    return;
                }
            }
        }
    }

    private boolean finished() {
        synchronized (progress) {
            return closed && written == enqueued;
        }
    }

    private void writeWithRetry(TenantId tenant, List<LlmCallRecord> batch) {
        long pauseMs = 10;
        while (true) {
            try {
                log.append(tenant, List.copyOf(batch));
                return;
            } catch (RuntimeException e) {
                LOG.warn("writing {} LLM call records of tenant {} failed, retrying in {} ms: {}", batch.size(), tenant,
                        pauseMs, e.toString());
                try {
                    Thread.sleep(pauseMs);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                }
                pauseMs = Math.min(5_000, pauseMs * 2);
            }
        }
    }

    /** A queued record with the tenant whose log it goes to. */
    private record Entry(TenantId tenant, LlmCallRecord record) {
    }

    /** Stops accepting records and waits (up to 30 s) until every queued record is written. */
    @Override
    public void close() {
        synchronized (progress) {
            closed = true;
        }
        if (!flush(Duration.ofSeconds(30))) {
            LOG.error("closing the call recorder with {} LLM call records still unwritten", pending());
        }
        try {
            writer.join(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
