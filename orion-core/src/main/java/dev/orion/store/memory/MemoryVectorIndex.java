package dev.orion.store.memory;

import dev.orion.store.StoreArguments;
import dev.orion.store.VectorEntry;
import dev.orion.store.VectorIndex;
import dev.orion.store.VectorMatch;
import dev.orion.store.VectorMetric;
import dev.orion.store.internal.VectorSearch;
import dev.orion.tenant.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

final class MemoryVectorIndex implements VectorIndex {

    private final MemoryTenant t;
    private final Principal actor;

    MemoryVectorIndex(MemoryTenant t, Principal actor) {
        this.t = t;
        this.actor = actor;
    }

    private static OptionalInt dimensionOf(Map<String, VectorEntry> entries) {
        return entries == null || entries.isEmpty() ? OptionalInt.empty()
                : OptionalInt.of(entries.values().iterator().next().dimension());
    }

    @Override
    public void upsert(String collection, List<VectorEntry> entries) {
        VectorSearch.collection(collection);
        synchronized (t) {
            VectorSearch.checkBatch(collection, entries, dimensionOf(t.vectors.get(collection)));
            if (!entries.isEmpty()) {
                Map<String, VectorEntry> c = t.vectors.computeIfAbsent(collection, x -> new LinkedHashMap<>());
                entries.forEach(e -> c.put(e.id(), e));
            }
        }
    }

    @Override
    public Optional<VectorEntry> get(String collection, String id) {
        VectorSearch.collection(collection);
        StoreArguments.text("id", id, 200);
        synchronized (t) {
            return Optional.ofNullable(t.vectors.getOrDefault(collection, Map.of()).get(id));
        }
    }

    @Override
    public boolean remove(String collection, String id) {
        VectorSearch.collection(collection);
        StoreArguments.text("id", id, 200);
        synchronized (t) {
            Map<String, VectorEntry> c = t.vectors.get(collection);
            boolean removed = c != null && c.remove(id) != null;
            if (c != null && c.isEmpty()) {
                t.vectors.remove(collection);
            }
            return removed;
        }
    }

    @Override
    public long size(String collection) {
        VectorSearch.collection(collection);
        synchronized (t) {
            return t.vectors.getOrDefault(collection, Map.of()).size();
        }
    }

    @Override
    public OptionalInt dimension(String collection) {
        VectorSearch.collection(collection);
        synchronized (t) {
            return dimensionOf(t.vectors.get(collection));
        }
    }

    @Override
    public List<VectorMatch> nearest(String collection, float[] query, int k, VectorMetric metric) {
        synchronized (t) {
            Map<String, VectorEntry> c = t.vectors.get(collection);
            float[] q = VectorSearch.checkQuery(collection, query, k, metric, dimensionOf(c));
            if (c == null) {
                return List.of();
            }
            VectorSearch search = new VectorSearch(q, k, metric);
            c.values().forEach(e -> search.offer(e.id(), e.vector(), e.metadata()));
            return search.result();
        }
    }

    @Override
    public long dropCollection(String collection) {
        VectorSearch.collection(collection);
        synchronized (t) {
            Map<String, VectorEntry> c = t.vectors.remove(collection);
            long n = c == null ? 0 : c.size();
            t.audit(actor, "delete", "vector-collection", collection, Map.of("removed", Long.toString(n)));
            return n;
        }
    }
}
