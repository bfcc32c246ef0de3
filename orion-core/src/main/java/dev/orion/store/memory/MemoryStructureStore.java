package dev.orion.store.memory;

import dev.orion.store.NewStructure;
import dev.orion.store.NotFoundException;
import dev.orion.store.Page;
import dev.orion.store.PageRequest;
import dev.orion.store.StructureFilter;
import dev.orion.store.StructureRecord;
import dev.orion.store.StructureStore;
import dev.orion.store.internal.StoreIds;
import dev.orion.store.internal.StoredSpaceGroup;
import dev.orion.store.internal.StructureEdit;
import dev.orion.structure.Element;
import dev.orion.tenant.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

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
        Objects.requireNonNull(s, "structure");
        synchronized (t) {
            Instant now = t.clock.instant();
            StructureRecord r = new StructureRecord(StoreIds.newId(), s.project(), s.name(), s.structure(),
                    StoredSpaceGroup.of(s.structure()), s.metadata(), s.tags(), s.properties(), now, now, 1);
            t.structures.put(r.id(), new Seq<>(t.nextSeq(), r));
            t.audit(actor, "create", TYPE, r.id(), Map.of("formula", r.reducedFormula()));
            return r;
        }
    }

    @Override
    public Optional<StructureRecord> find(String id) {
        synchronized (t) {
            return Optional.ofNullable(t.structures.get(id)).map(Seq::value);
        }
    }

    private StructureRecord change(String id, StructureEdit e) {
        synchronized (t) {
            Seq<StructureRecord> row = t.structures.get(id);
            if (row == null) {
                throw new NotFoundException(TYPE, id);
            }
            StructureRecord changed = e.applyTo(row.value(), t.clock.instant());
            t.structures.put(id, new Seq<>(row.seq(), changed));
            t.audit(actor, e.action(), TYPE, id, e.details());
            return changed;
        }
    }

    @Override
    public StructureRecord putProperties(String id, Map<String, Double> properties) {
        return change(id, StructureEdit.putProperties(properties));
    }

    @Override
    public StructureRecord putMetadata(String id, Map<String, String> metadata) {
        return change(id, StructureEdit.putMetadata(metadata));
    }

    @Override
    public StructureRecord retag(String id, Set<String> add, Set<String> remove) {
        return change(id, StructureEdit.retag(add, remove));
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
        List<Element> elements = r.elements();
        return (f.project().isEmpty() || f.project().equals(r.project()))
                && (f.reducedFormula().isEmpty() || f.reducedFormula().get().equals(r.reducedFormula()))
                && elements.containsAll(f.elements())
                && (f.onlyElements().isEmpty() || f.onlyElements().get().containsAll(elements))
                && r.nsites() >= f.minSites() && r.nsites() <= f.maxSites()
                && (f.spaceGroup().isEmpty() || f.spaceGroup().equals(r.spaceGroup()))
                && (f.tag().isEmpty() || r.tags().contains(f.tag().get()))
                && (f.nameContains().isEmpty() || r.name().contains(f.nameContains().get()))
                && (f.property().isEmpty() || r.properties().containsKey(f.property().get()));
    }
}
