package dev.orion.store.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orion.store.NewStructure;
import dev.orion.store.NotFoundException;
import dev.orion.store.Page;
import dev.orion.store.PageRequest;
import dev.orion.store.StructureFilter;
import dev.orion.store.StructureRecord;
import dev.orion.store.StructureStore;
import dev.orion.store.TenantStores;
import dev.orion.tenant.ProjectId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The contract of {@link dev.orion.store.StructureStore}: fields, updates, filters, keyset pages. */
public abstract class StructureStoreContract extends ContractSupport {

    private static NewStructure cu() {
        return NewStructure.of("Cu fcc", "Cu", 4, "{\"lattice\":[3.61,3.61,3.61]}")
                .withTags(Set.of("metal", "fcc")).withMetadata(Map.of("source", "mp-30"))
                .withProperties(Map.of("band_gap", 0.0, "e_form", -0.01));
    }

    @Test
    void savesAndFindsWithAllFields() {
        StructureStore s = newTenant().structures();
        StructureRecord saved = s.save(cu().inProject(ProjectId.of("p1")));
        StructureRecord found = s.find(saved.id()).orElseThrow();
        assertThat(found).isEqualTo(saved);
        assertThat(found.tags()).containsExactlyInAnyOrder("metal", "fcc");
        assertThat(found.properties()).containsEntry("e_form", -0.01);
        assertThat(found.json()).isEqualTo("{\"lattice\":[3.61,3.61,3.61]}");
        assertThat(found.createdAt()).isEqualTo(Backends.T0);
        assertThat(s.find("no-such-id")).isEmpty();
    }

    @Test
    void updatesPropertiesMetadataAndTagsWithVersionBump() {
        StructureStore s = newTenant().structures();
        StructureRecord r = s.save(cu());
        clock().advance(Duration.ofSeconds(5));
        StructureRecord p = s.putProperties(r.id(), Map.of("band_gap", 1.5, "bulk_modulus", 140.0));
        assertThat(p.properties()).containsEntry("band_gap", 1.5).containsEntry("e_form", -0.01).containsEntry("bulk_modulus", 140.0);
        assertThat(p.version()).isEqualTo(2);
        assertThat(p.updatedAt()).isEqualTo(Backends.T0.plusSeconds(5));
        StructureRecord m = s.putMetadata(r.id(), Map.of("doi", "10.1/x"));
        assertThat(m.metadata()).containsEntry("source", "mp-30").containsEntry("doi", "10.1/x");
        StructureRecord t = s.retag(r.id(), Set.of("conductor"), Set.of("fcc"));
        assertThat(t.tags()).containsExactlyInAnyOrder("metal", "conductor");
        assertThat(s.find(r.id()).orElseThrow()).isEqualTo(t);
        assertThat(s.count(StructureFilter.all().withTag("fcc"))).isZero();
        assertThat(s.count(StructureFilter.all().withTag("conductor"))).isEqualTo(1);
        assertThat(s.count(StructureFilter.all().withProperty("bulk_modulus"))).isEqualTo(1);
    }

    @Test
    void rejectsBadInputWithoutChangingAnything() {
        StructureStore s = newTenant().structures();
        StructureRecord r = s.save(cu());
        assertThatThrownBy(() -> s.putProperties(r.id(), Map.of("x", Double.NaN))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> s.putProperties("missing", Map.of("x", 1.0))).isInstanceOf(NotFoundException.class);
        assertThat(s.find(r.id()).orElseThrow()).isEqualTo(r);
    }

    @Test
    void filtersAndPaginatesWithKeysetCursors() {
        StructureStore s = newTenant().structures();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            NewStructure n = NewStructure.of("s" + i, i % 2 == 0 ? "Fe2O3" : "NaCl", 5, "{}");
            ids.add(s.save(i % 3 == 0 ? n.inProject(ProjectId.of("p")).withTags(Set.of("x")) : n).id());
        }
        List<String> seen = new ArrayList<>();
        PageRequest req = PageRequest.first(7);
        Page<StructureRecord> page;
        do {
            page = s.query(StructureFilter.all(), req);
            page.items().forEach(r -> seen.add(r.id()));
            req = page.hasNext() ? page.next(req) : req;
        } while (page.hasNext());
        assertThat(seen).containsExactlyElementsOf(ids);
        List<String> desc = s.query(StructureFilter.all(), PageRequest.first(3).newestFirst()).items().stream().map(StructureRecord::id).toList();
        assertThat(desc).containsExactly(ids.get(24), ids.get(23), ids.get(22));
        assertThat(s.count(StructureFilter.all().withFormula("Fe2O3"))).isEqualTo(13);
        assertThat(s.count(StructureFilter.all().withProject(ProjectId.of("p")))).isEqualTo(9);
        assertThat(s.count(StructureFilter.all().withProject(ProjectId.of("p")).withTag("x").withFormula("NaCl"))).isEqualTo(4);
        assertThat(s.count(StructureFilter.all().withNameContaining("s1"))).isEqualTo(11);
        assertThatThrownBy(() -> s.query(StructureFilter.all(), PageRequest.first(2).after("garbage")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void deleteRemovesAndIsAuditedOnce() {
        TenantStores t = newTenant();
        StructureRecord r = t.structures().save(cu());
        long before = auditCount(t);
        assertThat(t.structures().delete(r.id())).isTrue();
        assertThat(t.structures().delete(r.id())).isFalse();
        assertThat(t.structures().find(r.id())).isEmpty();
        assertThat(t.structures().count(StructureFilter.all().withTag("metal"))).isZero();
        assertThat(auditCount(t)).isEqualTo(before + 1);
    }
}
