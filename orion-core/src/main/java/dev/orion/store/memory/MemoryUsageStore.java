package dev.orion.store.memory;

import dev.orion.store.UsageAggregate;
import dev.orion.store.UsageFilter;
import dev.orion.store.UsageGranularity;
import dev.orion.store.UsageRecord;
import dev.orion.store.UsageStore;
import dev.orion.store.internal.UsageAggregator;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

final class MemoryUsageStore implements UsageStore {

    private final MemoryTenant t;

    MemoryUsageStore(MemoryTenant t) {
        this.t = t;
    }

    @Override
    public void record(UsageRecord record) {
        Objects.requireNonNull(record, "record");
        synchronized (t) {
            t.usage.add(new Seq<>(t.nextSeq(), record));
        }
    }

    @Override
    public int recordAll(List<UsageRecord> records) {
        List<UsageRecord> copy = List.copyOf(records);
        synchronized (t) {
            copy.forEach(this::record);
        }
        return copy.size();
    }

    @Override
    public List<UsageAggregate> aggregate(UsageFilter filter, UsageGranularity granularity) {
        UsageAggregator agg = new UsageAggregator(granularity);
        forEach(filter, r -> agg.add(t.tenant, r));
        return agg.result();
    }

    @Override
    public void forEach(UsageFilter filter, Consumer<UsageRecord> sink) {
        List<UsageRecord> snapshot = new ArrayList<>();
        synchronized (t) {
            t.usage.stream().map(Seq::value).filter(filter::matches).forEach(snapshot::add);
        }
        snapshot.forEach(sink);
    }
}
