package dev.orion.llm.internal;

import dev.orion.llm.router.log.CallLogStats;

import dev.orion.llm.router.log.CallLog;

import dev.orion.store.LlmCallFilter;
import dev.orion.store.LlmCallRecord;
import dev.orion.tenant.TenantId;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes call records to a {@link CallLog} on one background thread, in batches, without holding up
 * callers: {@link #record} waits at most {@code maxWait} for room in the bounded queue (never for a cache
 * hit, nor while records are overflowing), then parks the record in a bounded overflow that the writer
 * drains as well; only when that is full too is the record set aside as a dead letter. No caller of any
 * tenant ever waits longer.
 *
 * <p>A batch the log rejects is split in halves until the record it cannot take is alone; that record is
 * set aside (a dead letter: a JSON-lines file, or memory), counted and logged, and the others are
 * written. Whether a lone failure is the record's fault or an outage is told by a probe (a one-record
 * read of the tenant's log): during an outage the writer keeps its batch and retries with a growing
 * pause, up to {@link Builder#maxOutageRetries} rounds, after which the batch is set aside too.
 * {@link #close()} stops intake, writes what it can within 30 s and sets the rest aside.
 */
public final class AsyncCallRecorder implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AsyncCallRecorder.class);
    private static final int BATCH = 512;
    private static final long MAX_PAUSE_MS = 2_000;

    private final CallLog log;
    private final BlockingQueue<Entry> queue;
    private final ConcurrentLinkedQueue<Entry> overflow = new ConcurrentLinkedQueue<>();
    private final AtomicInteger overflowSize = new AtomicInteger();
    private final int overflowCapacity;
    private final long maxWaitNanos;
    private final int maxOutageRetries;
    private final DeadLetters deadLetters;
    private final Thread writer;
    private final Object progress = new Object();
    private final AtomicLong overflowed = new AtomicLong();
    private final AtomicLong maxBlockedNanos = new AtomicLong();
    private long enqueued;
    private long done;
    private long stored;
    private boolean closed;
    private volatile boolean abandon;

    /**
     * A recorder with the default policies and the given queue bound.
     *
     * @param log      where records go
     * @param capacity the queue bound (records waiting to be written)
     */
    public AsyncCallRecorder(CallLog log, int capacity) {
        this(builder(log).capacity(capacity));
    }

    private AsyncCallRecorder(Builder b) {
        this.log = b.log;
        this.queue = new ArrayBlockingQueue<>(b.capacity);
        this.overflowCapacity = b.overflowCapacity;
        this.maxWaitNanos = b.maxWait.toNanos();
        this.maxOutageRetries = b.maxOutageRetries;
        this.deadLetters = new DeadLetters(b.deadLetterFile);
        this.writer = new Thread(this::run, "orion-llm-call-recorder");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    /** @param log where records go @return a builder of a recorder writing to {@code log} */
    public static Builder builder(CallLog log) {
        return new Builder(log);
    }

    /**
     * Queues a record. Waits at most the configured {@code maxWait} for room (not at all for a cache hit),
     * then parks the record in the overflow, or sets it aside when that is full; never blocks longer.
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
        long start = System.nanoTime();
        boolean queued;
        // a cache hit never waits; nor does anyone once records are overflowing (the writer is not keeping up:
        // waiting would only slow every caller down, an outage most of all)
        long wait = record.call().cacheHit() || overflowSize.get() > 0 ? 0 : maxWaitNanos;
        try {
            queued = wait == 0 ? queue.offer(entry) : queue.offer(entry, wait, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            queued = queue.offer(entry);
            Thread.currentThread().interrupt();
        }
        if (!queued) {
            if (overflowSize.incrementAndGet() <= overflowCapacity) {
                overflow.add(entry);
                overflowed.incrementAndGet();
            } else {
                overflowSize.decrementAndGet();
                setAside(entry, "the call log queue and its overflow are full");
                finished(1, 0);
            }
        }
        maxBlockedNanos.accumulateAndGet(System.nanoTime() - start, Math::max);
    }

    /**
     * Waits until every record queued so far is written or set aside.
     *
     * @param timeout the longest wait
     * @return whether everything was handled in time
     */
    public boolean flush(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (progress) {
            long target = enqueued;
            while (done < target) {
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

    /** Records accepted and not yet written or set aside. */
    public long pending() {
        synchronized (progress) {
            return enqueued - done;
        }
    }

    /** @return what the recorder has done so far */
    public CallLogStats stats() {
        synchronized (progress) {
            return new CallLogStats(enqueued, stored, deadLetters.count(), deadLetters.lost(), overflowed.get(),
                    Duration.ofNanos(maxBlockedNanos.get()));
        }
    }

    /** @return the dead letters kept in memory (none when a dead-letter file is configured), oldest first */
    public List<DeadLetter> deadLetters() {
        return deadLetters.inMemory();
    }

    private void run() {
        List<Entry> batch = new ArrayList<>(BATCH);
        while (true) {
            try {
                Entry first = queue.poll(50, TimeUnit.MILLISECONDS);
                if (first == null) {
                    first = pollOverflow();
                }
                if (first == null) {
                    if (finishedAll()) {
                        return;
                    }
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, BATCH - 1);
                for (Entry e = batch.size() < BATCH ? pollOverflow() : null; e != null;
                     e = batch.size() < BATCH ? pollOverflow() : null) {
                    batch.add(e);
                }
                Map<TenantId, List<LlmCallRecord>> byTenant = new LinkedHashMap<>();
                batch.forEach(e -> byTenant.computeIfAbsent(e.tenant(), t -> new ArrayList<>()).add(e.record()));
                long written = 0;
                for (Map.Entry<TenantId, List<LlmCallRecord>> group : byTenant.entrySet()) {
                    written += writeGroup(group.getKey(), group.getValue());
                }
                finished(batch.size(), written);
                batch.clear();
            } catch (InterruptedException e) {
                if (finishedAll()) {
                    return;
                }
            } catch (RuntimeException | Error e) {
                // the writer must outlive anything: whatever it held is set aside, not lost
                LOG.error("the call recorder's writer failed; setting its batch aside", e);
                batch.forEach(x -> setAside(x, "writer failure: " + e));
                finished(batch.size(), 0);
                batch.clear();
            }
        }
    }

    private Entry pollOverflow() {
        Entry e = overflow.poll();
        if (e != null) {
            overflowSize.decrementAndGet();
        }
        return e;
    }

    /** Writes one tenant's records, isolating the ones the log rejects; @return how many were written. */
    private long writeGroup(TenantId tenant, List<LlmCallRecord> records) {
        List<LlmCallRecord> left = records;
        long written = 0;
        long pauseMs = 10;
        for (int round = 0; ; round++) {
            Attempt attempt = new Attempt(tenant);
            attempt.write(left);
            written += attempt.written;
            if (attempt.unwritten.isEmpty()) {
                return written;
            }
            left = attempt.unwritten;
            if (abandon || round >= maxOutageRetries) {
                for (LlmCallRecord r : left) {
                    setAside(new Entry(tenant, r), "the call log stayed unavailable: " + attempt.outage);
                }
                return written;
            }
            LOG.warn("the call log is unavailable ({}); keeping {} records of tenant {}, retrying in {} ms",
                    attempt.outage, left.size(), tenant, pauseMs);
            pause(pauseMs);
            pauseMs = Math.min(MAX_PAUSE_MS, pauseMs * 2);
        }
    }

    private void pause(long ms) {
        synchronized (progress) {
            if (abandon) {
                return;
            }
            try {
                progress.wait(ms);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** One round of writing a tenant's records: bisects a rejected batch down to the records at fault. */
    private final class Attempt {
        private final TenantId tenant;
        private final List<LlmCallRecord> unwritten = new ArrayList<>();
        private long written;
        private String outage;

        Attempt(TenantId tenant) {
            this.tenant = tenant;
        }

        void write(List<LlmCallRecord> records) {
            if (outage != null) {
                unwritten.addAll(records);
                return;
            }
            try {
                log.append(tenant, List.copyOf(records));
                written += records.size();
                return;
            } catch (RuntimeException e) {
                if (records.size() > 1) {
                    int half = records.size() / 2;
                    write(records.subList(0, half));
                    write(records.subList(half, records.size()));
                    return;
                }
                if (storeAnswers()) {
                    retryAlone(records.get(0));
                    return;
                }
                outage = e.toString();
                unwritten.addAll(records);
            }
        }

        /** A record the log rejected while it answers reads: tried once more (a passing hiccup), then set aside. */
        private void retryAlone(LlmCallRecord record) {
            try {
                log.append(tenant, List.of(record));
                written++;
            } catch (RuntimeException again) {
                setAside(new Entry(tenant, record), "rejected by the call log: " + again);
            }
        }

        /** Whether the log answers a read for this tenant: then a lone rejected record is the record's fault. */
        private boolean storeAnswers() {
            try {
                log.query(tenant, LlmCallFilter.all(), 0, 1);
                return true;
            } catch (RuntimeException e) {
                return false;
            }
        }
    }

    private void setAside(Entry entry, String reason) {
        deadLetters.put(entry.tenant(), entry.record(), reason, Instant.now());
    }

    private void finished(long handled, long written) {
        synchronized (progress) {
            done += handled;
            stored += written;
            progress.notifyAll();
        }
    }

    private boolean finishedAll() {
        synchronized (progress) {
            return closed && done == enqueued;
        }
    }

    /** Stops accepting records, waits (up to 30 s) until every queued record is written, sets the rest aside. */
    @Override
    public void close() {
        synchronized (progress) {
            closed = true;
        }
        if (!flush(Duration.ofSeconds(30))) {
            LOG.error("closing the call recorder with {} LLM call records unwritten; setting them aside", pending());
            synchronized (progress) {
                abandon = true;
                progress.notifyAll();
            }
            flush(Duration.ofSeconds(10));
        }
        try {
            writer.join(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A queued record with the tenant whose log it goes to. */
    private record Entry(TenantId tenant, LlmCallRecord record) {
    }

    /**
     * A record the call log could not take, kept in memory when no dead-letter file is configured.
     *
     * @param tenant the tenant of the call
     * @param record the record
     * @param reason why it was set aside
     * @param at     when
     */
    public record DeadLetter(TenantId tenant, LlmCallRecord record, String reason, Instant at) {
    }


    /** The policies of an {@link AsyncCallRecorder}. */
    public static final class Builder {
        private final CallLog log;
        private int capacity = 10_000;
        private int overflowCapacity = 100_000;
        private Duration maxWait = Duration.ofMillis(100);
        private int maxOutageRetries = 30;
        private Optional<Path> deadLetterFile = Optional.empty();

        private Builder(CallLog log) {
            this.log = Objects.requireNonNull(log, "log");
        }

        /** @param capacity records queued for the writer (>= 1) @return this builder */
        public Builder capacity(int capacity) {
            if (capacity < 1) {
                throw new IllegalArgumentException("capacity must be >= 1, was " + capacity);
            }
            this.capacity = capacity;
            return this;
        }

        /** @param capacity records parked when the queue is full (>= 0) @return this builder */
        public Builder overflowCapacity(int capacity) {
            if (capacity < 0) {
                throw new IllegalArgumentException("overflowCapacity must be >= 0, was " + capacity);
            }
            this.overflowCapacity = capacity;
            return this;
        }

        /** @param maxWait the longest a caller waits for room in the queue (0 to 10 s) @return this builder */
        public Builder maxWait(Duration maxWait) {
            Objects.requireNonNull(maxWait, "maxWait");
            if (maxWait.isNegative() || maxWait.compareTo(Duration.ofSeconds(10)) > 0) {
                throw new IllegalArgumentException("maxWait must be between 0 and 10 s, was " + maxWait);
            }
            this.maxWait = maxWait;
            return this;
        }

        /**
         * @param rounds how many times a batch is retried while the log is unavailable (pauses double from
         *               10 ms to 2 s; the default 30 rounds last about a minute) before it is set aside
         * @return this builder
         */
        public Builder maxOutageRetries(int rounds) {
            if (rounds < 0) {
                throw new IllegalArgumentException("maxOutageRetries must be >= 0, was " + rounds);
            }
            this.maxOutageRetries = rounds;
            return this;
        }

        /** @param file a JSON-lines file for records set aside (default: kept in memory) @return this builder */
        public Builder deadLetterFile(Path file) {
            this.deadLetterFile = Optional.of(Objects.requireNonNull(file, "deadLetterFile"));
            return this;
        }

        /** @return the recorder, its writer started */
        public AsyncCallRecorder build() {
            return new AsyncCallRecorder(this);
        }
    }
}
