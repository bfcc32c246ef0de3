package dev.orion.llm.router.log;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/**
 * A {@link CallLog} in this JVM's memory, for tests and single-process tools. It keeps the most
 * recent {@code retention} records (default 100,000) so that a long-running process does not grow
 * without bound; {@link #evicted()} counts the older ones it let go. A log that must keep every
 * record is a persistent one ({@code RouterStores.callLog()}). Thread-safe.
 */
public final class InMemoryCallLog implements CallLog {

    private final int retention;
    private final Deque<CallRecord> records = new ArrayDeque<>();
    private long evicted;

    /** A log keeping the latest 100,000 records. */
    public InMemoryCallLog() {
        this(100_000);
    }

    /** @param retention how many of the latest records to keep, >= 1 */
    public InMemoryCallLog(int retention) {
        if (retention < 1) {
            throw new IllegalArgumentException("retention must be >= 1, was " + retention);
        }
        this.retention = retention;
    }

    @Override
    public synchronized void append(List<CallRecord> batch) {
        records.addAll(batch);
        while (records.size() > retention) {
            records.removeFirst();
            evicted++;
        }
    }

    /** How many old records were let go to respect the retention. */
    public synchronized long evicted() {
        return evicted;
    }

    @Override
    public synchronized List<CallRecord> query(CallLogFilter filter, int offset, int limit) {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be >= 0, was " + offset);
        }
        if (limit < 1 || limit > 10_000) {
            throw new IllegalArgumentException("limit must be in [1, 10000], was " + limit);
        }
        List<CallRecord> page = new ArrayList<>();
        int skipped = 0;
        for (CallRecord r : records) {
            if (filter.matches(r)) {
                if (skipped++ < offset) {
                    continue;
                }
                page.add(r);
                if (page.size() == limit) {
                    break;
                }
            }
        }
        return List.copyOf(page);
    }

    @Override
    public synchronized long count(CallLogFilter filter) {
        return records.stream().filter(filter::matches).count();
    }

    @Override
    public void forEach(CallLogFilter filter, Consumer<CallRecord> sink) {
        List<CallRecord> snapshot;
        synchronized (this) {
            snapshot = List.copyOf(records);
        }
        snapshot.stream().filter(filter::matches).forEach(sink);
    }
}
