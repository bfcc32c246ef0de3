package dev.orion.store.memory;

import dev.orion.store.NewStructure;
import dev.orion.store.NotFoundException;
import dev.orion.store.Page;
import dev.orion.store.PageRequest;
import dev.orion.store.StructureFilter;
import dev.orion.store.StructureRecord;
import dev.orion.store.StructureStore;
import dev.orion.store.support.Checks;
import dev.orion.store.support.StoreIds;
import dev.orion.tenant.Principal;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

final class MemoryStructureStore implements StructureStore {

    private static final String TYPE = "structure";
    private final MemoryTenant t;
    private final Principal actor;

    MemoryStructureStore(MemoryTenant t, Principal actor) {
        this.t = t;
        this.actor = actor;
    }

    @Override
    public StructureRecord save(NewStructure s) {
        synchronized (t) {
            Instant now = t.clock.instant();
            StructureRecord r = new StructureRecord(StoreIds.newId(), s.project(), s.name(), s.formula(), s.nsites(),
                    s.json(), s.metadata(), s.tags(), s.properties(), now, now, 1);
            t.structures.put(r.id(), new Seq<>(t.nextSeq(), r));
            t.audit(actor, "create", TYPE, r.id(), Map.of("formula", r.formula()));
            return r;
        }
    }

    @Override
    public Optional<StructureRecord> find(String id) {
        synchronized (t) {
            return Optional.ofNullable(t.structures.get(id)).map(Seq::value);
        }
    }

    private StructureRecord change(String id, String action, Map<String, String> details, UnaryOperator<StructureRecord> f) {
        synchronized (t) {
            Seq<StructureRecord> row = t.structures.get(id);
            if (row == null) {
                throw new NotFoundException(TYPE, id);
            }
            StructureRecord changed = f.apply(row.value());
            t.structures.put(id, new Seq<>(row.seq(), changed));
            t.audit(actor, action, TYPE, id, details);
            return changed;
        }
    }

    @Override
    public StructureRecord putProperties(String id, Map<String, Double> properties) {
        Map<String, Double> checked = Checks.properties(properties);
        return change(id, "update", Map.of("properties", Checks.joined(checked.keySet())), r -> {
            Map<String, Double> p = new HashMap<>(r.properties());
            p.putAll(checked);
            return copy(r, r.metadata(), r.tags(), p);
        });
    }

    @Override
    public StructureRecord putMetadata(String id, Map<String, String> metadata) {
        Map<String, String> checked = Checks.metadata(metadata);
        return change(id, "update", Map.of("metadata", Checks.joined(checked.keySet())), r -> {
            Map<String, String> m = new HashMap<>(r.metadata());
            m.putAll(checked);
            return copy(r, m, r.tags(), r.properties());
        });
    }

    @Override
    public StructureRecord retag(String id, Set<String> add, Set<String> remove) {
        Set<String> a = Checks.tags(add);
        Set<String> rm = Checks.tags(remove);
        return change(id, "retag", Map.of("add", Checks.joined(a),
                "remove", Checks.joined(rm)), r -> {
                    Set<String> tags = new HashSet<>(r.tags());
                    tags.removeAll(rm);
                    tags.addAll(a);
                    return copy(r, r.metadata(), tags, r.properties());
                });
    }

    private StructureRecord copy(StructureRecord r, Map<String, String> m, Set<String> tags, Map<String, Double> p) {
        return new StructureRecord(r.id(), r.project(), r.name(), r.formula(), r.nsites(), r.json(), m, tags, p,
                r.createdAt(), t.clock.instant(), r.version() + 1);
    }

    @Override
    public boolean delete(String id) {
        synchronized (t) {
            if (t.structures.remove(id) == null) {
                return false;
            }
            t.audit(actor, "delete", TYPE, id, Map.of());
            return true;
        }
    }

    @Override
    public Page<StructureRecord> query(StructureFilter filter, PageRequest page) {
        synchronized (t) {
            return MemoryPages.page(t.structures.values(), r -> matches(filter, r), page);
        }
    }

    @Override
    public long count(StructureFilter filter) {
        synchronized (t) {
            return t.structures.values().stream().filter(r -> matches(filter, r.value())).count();
        }
    }

    static boolean matches(StructureFilter f, StructureRecord r) {
        return (f.project().isEmpty() || f.project().equals(r.project()))
                && (f.formula().isEmpty() || f.formula().get().equals(r.formula()))
                && (f.tag().isEmpty() || r.tags().contains(f.tag().get()))
                && (f.nameContains().isEmpty() || r.name().contains(f.nameContains().get()))
                && (f.property().isEmpty() || r.properties().containsKey(f.property().get()));
    }
}
