package dev.orion.llm.router.log;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** A {@link CallLog} in this JVM's memory (tests, single-process tools). Thread-safe. */
public final class InMemoryCallLog implements CallLog {

    private final List<CallRecord> records = new ArrayList<>();

    @Override
    public synchronized void append(List<CallRecord> batch) {
        records.addAll(batch);
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
