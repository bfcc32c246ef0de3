package dev.orion.store.memory;

import dev.orion.store.ProvenanceLink;
import dev.orion.store.ProvenanceStore;
import dev.orion.store.ResourceRef;
import dev.orion.store.StoreArguments;
import dev.orion.store.internal.StoreIds;
import dev.orion.tenant.Principal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

final class MemoryProvenanceStore implements ProvenanceStore {

    private final MemoryTenant t;
    private final Principal actor;

    MemoryProvenanceStore(MemoryTenant t, Principal actor) {
        this.t = t;
        this.actor = actor;
    }

    @Override
    public ProvenanceLink link(ResourceRef subject, String relation, ResourceRef object) {
        Objects.requireNonNull(subject, "subject");
        StoreArguments.text("relation", relation, 100);
        Objects.requireNonNull(object, "object");
        synchronized (t) {
            for (Seq<ProvenanceLink> s : t.provenance) {
                ProvenanceLink l = s.value();
                if (l.subject().equals(subject) && l.relation().equals(relation) && l.object().equals(object)) {
                    return l;
                }
            }
            ProvenanceLink l = new ProvenanceLink(StoreIds.newId(), subject, relation, object, t.clock.instant());
            t.provenance.add(new Seq<>(t.nextSeq(), l));
            t.audit(actor, "link", "provenance", l.id(), Map.of("subject", subject.toString(), "relation", relation,
                    "object", object.toString()));
            return l;
        }
    }

    @Override
    public List<ProvenanceLink> linksFrom(ResourceRef subject) {
        synchronized (t) {
            return t.provenance.stream().map(Seq::value).filter(l -> l.subject().equals(subject)).toList();
        }
    }

    @Override
    public List<ProvenanceLink> linksTo(ResourceRef object) {
        synchronized (t) {
            return t.provenance.stream().map(Seq::value).filter(l -> l.object().equals(object)).toList();
        }
    }

    @Override
    public List<ProvenanceLink> lineage(ResourceRef subject, int maxDepth) {
        if (maxDepth < 1 || maxDepth > 100) {
            throw new IllegalArgumentException("maxDepth must be 1..100, got " + maxDepth);
        }
        List<ProvenanceLink> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<ResourceRef> frontier = List.of(subject);
        for (int depth = 0; depth < maxDepth && !frontier.isEmpty(); depth++) {
            List<ResourceRef> next = new ArrayList<>();
            for (ResourceRef r : frontier) {
                for (ProvenanceLink l : linksFrom(r)) {
                    if (seen.add(l.id())) {
                        out.add(l);
                        next.add(l.object());
                    }
                }
            }
            frontier = next;
        }
        return out;
    }
}
