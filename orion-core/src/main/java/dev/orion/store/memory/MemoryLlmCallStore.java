package dev.orion.store.memory;

import dev.orion.store.LlmCall;
import dev.orion.store.LlmCallAggregate;
import dev.orion.store.LlmCallFilter;
import dev.orion.store.LlmCallGrouping;
import dev.orion.store.LlmCallRecord;
import dev.orion.store.LlmCallStore;
import dev.orion.store.Page;
import dev.orion.store.PageRequest;
import dev.orion.store.internal.LlmCallAggregator;
import dev.orion.store.internal.StoreIds;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

final class MemoryLlmCallStore implements LlmCallStore {

    private final MemoryTenant t;

    MemoryLlmCallStore(MemoryTenant t) {
        this.t = t;
    }

    @Override
    public LlmCallRecord record(LlmCall call) {
        synchronized (t) {
            LlmCallRecord r = new LlmCallRecord(StoreIds.newId(), call);
            t.llmCalls.add(new Seq<>(t.nextSeq(), r));
            t.llmCallsById.put(r.id(), r);
            return r;
        }
    }

    @Override
    public int recordAll(List<LlmCall> calls) {
        List<LlmCall> copy = List.copyOf(calls);
        synchronized (t) {
            copy.forEach(this::record);
            return copy.size();
        }
    }

    @Override
    public int append(List<LlmCallRecord> records) {
        List<LlmCallRecord> copy = List.copyOf(records);
        synchronized (t) {
            int stored = 0;
            for (LlmCallRecord r : copy) {
                if (!t.llmCallsById.containsKey(r.id())) {
                    t.llmCalls.add(new Seq<>(t.nextSeq(), r));
                    t.llmCallsById.put(r.id(), r);
                    stored++;
                }
            }
            return stored;
        }
    }

    @Override
    public Optional<LlmCallRecord> find(String id) {
        synchronized (t) {
            return Optional.ofNullable(t.llmCallsById.get(id));
        }
    }

    @Override
    public Page<LlmCallRecord> query(LlmCallFilter filter, PageRequest page) {
        synchronized (t) {
            return MemoryPages.page(t.llmCalls, r -> filter.matches(r.call()), page);
        }
    }

    @Override
    public long count(LlmCallFilter filter) {
        synchronized (t) {
            return t.llmCalls.stream().filter(r -> filter.matches(r.value().call())).count();
        }
    }

    @Override
    public void forEach(LlmCallFilter filter, Consumer<LlmCallRecord> sink) {
        List<LlmCallRecord> snapshot = new ArrayList<>();
        synchronized (t) {
            t.llmCalls.stream().map(Seq::value).filter(r -> filter.matches(r.call())).forEach(snapshot::add);
        }
        snapshot.forEach(sink);
    }

    @Override
    public List<LlmCallAggregate> aggregate(LlmCallFilter filter, LlmCallGrouping grouping) {
        LlmCallAggregator agg = new LlmCallAggregator(grouping);
        forEach(filter, r -> agg.add(r.call()));
        return agg.result();
    }
}
