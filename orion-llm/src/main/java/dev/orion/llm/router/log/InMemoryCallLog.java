package dev.orion.llm.router.log;

import dev.orion.store.LlmCallFilter;
import dev.orion.store.LlmCallRecord;
import dev.orion.tenant.TenantId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A {@link CallLog} in this JVM's memory, for tests and single-process tools. It keeps the most
 * recent {@code retention} records of all tenants together (default 100,000) so that a long-running
 * process does not grow without bound; {@link #evicted()} counts the older ones it let go. A log that
 * must keep every record is a persistent one ({@code RouterStores.callLog()}). Thread-safe.
 */
public final class InMemoryCallLog implements CallLog {

    private final int retention;
    private final Deque<Entry> records = new ArrayDeque<>();
    private final Set<String> ids = new HashSet<>();
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
    public synchronized void append(TenantId tenant, List<LlmCallRecord> batch) {
        for (LlmCallRecord r : batch) {
            Entry e = new Entry(tenant, r);
            if (ids.add(e.key())) {
                records.addLast(e);
            }
        }
        while (records.size() > retention) {
            ids.remove(records.removeFirst().key());
            evicted++;
        }
    }

    /** @return how many old records were let go to respect the retention */
    public synchronized long evicted() {
        return evicted;
    }

    @Override
    public synchronized List<LlmCallRecord> query(TenantId tenant, LlmCallFilter filter, int offset, int limit) {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be >= 0, was " + offset);
        }
        if (limit < 1 || limit > 10_000) {
            throw new IllegalArgumentException("limit must be in [1, 10000], was " + limit);
        }
        List<LlmCallRecord> page = new ArrayList<>();
        int skipped = 0;
        for (Entry e : records) {
            if (e.matches(tenant, filter)) {
                if (skipped++ < offset) {
                    continue;
                }
                page.add(e.record());
                if (page.size() == limit) {
                    break;
                }
            }
        }
        return List.copyOf(page);
    }

    @Override
    public synchronized long count(TenantId tenant, LlmCallFilter filter) {
        return records.stream().filter(e -> e.matches(tenant, filter)).count();
    }

    @Override
    public void forEach(TenantId tenant, LlmCallFilter filter, Consumer<LlmCallRecord> sink) {
        List<Entry> snapshot;
        synchronized (this) {
            snapshot = List.copyOf(records);
        }
        snapshot.stream().filter(e -> e.matches(tenant, filter)).map(Entry::record).forEach(sink);
    }

    /** A record with its tenant. */
    private record Entry(TenantId tenant, LlmCallRecord record) {

        /** What identifies the record, as in a store: the tenant's record id (a slug holds no NUL). */
        String key() {
            return tenant.value() + '\u0000' + record.id();
        }

        boolean matches(TenantId t, LlmCallFilter filter) {
            return tenant.equals(t) && filter.matches(record.call());
        }
    }
}
