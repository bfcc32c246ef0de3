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
import dev.orion.structure.Element;
import dev.orion.structure.Structure;
import dev.orion.tenant.ProjectId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link dev.orion.store.StructureStore}: structures round-trip equal, derived facts,
 * updates, filters (formula, elements, size, space group, tags, ...), hostile filters, keyset pages.
 */
public abstract class StructureStoreContract extends ContractSupport {

    private static NewStructure cu() {
        return NewStructure.of("Cu fcc", TestStructures.cu())
                .withTags(Set.of("metal", "fcc")).withMetadata(Map.of("source", "mp-30"))
                .withProperties(Map.of("band_gap", 0.0, "e_form", -0.01));
    }

    @Test
    void savesAndFindsTheStructureEqualWithDerivedFacts() {
        StructureStore s = newTenant().structures();
        StructureRecord saved = s.save(cu().inProject(ProjectId.of("p1")));
        StructureRecord found = s.find(saved.id()).orElseThrow();
        assertThat(found).isEqualTo(saved);
        assertThat(found.structure()).isEqualTo(TestStructures.cu());
        assertThat(found.formula()).isEqualTo("Cu4");
        assertThat(found.reducedFormula()).isEqualTo("Cu");
        assertThat(found.elements()).containsExactly(Element.Cu);
        assertThat(found.nsites()).isEqualTo(4);
        assertThat(found.spaceGroup()).hasValue(225);
        assertThat(found.tags()).containsExactlyInAnyOrder("metal", "fcc");
        assertThat(found.properties()).containsEntry("e_form", -0.01);
        assertThat(found.createdAt()).isEqualTo(Backends.T0);
        assertThat(s.find("no-such-id")).isEmpty();
    }

    @Test
    void roundTripsEverythingAStructureCarries() {
        StructureStore s = newTenant().structures();
        Structure decorated = TestStructures.decoratedCuAu();
        StructureRecord r = s.save("decorated", decorated);
        StructureRecord found = s.find(r.id()).orElseThrow();
        assertThat(found.structure()).isEqualTo(decorated);
        assertThat(found.structure().label(0)).isEqualTo("M1");
        assertThat(found.structure().properties()).containsEntry("title", "decorated");
        assertThat(found.spaceGroup()).as("disordered: not analysed").isEmpty();
        assertThat(found.reducedFormula()).isEqualTo(decorated.composition().reducedFormula());
        assertThat(s.query(StructureFilter.all(), PageRequest.first(5)).items()).containsExactly(found);
    }

    @Test
    void largeStructuresAreStoredWithoutASpaceGroup() {
        StructureStore s = newTenant().structures();
        Structure big = TestStructures.cu().supercell(6, 6, 6);
        StructureRecord r = s.save("Cu 6x6x6", big);
        assertThat(r.nsites()).isEqualTo(864);
        assertThat(r.spaceGroup()).isEqualTo(OptionalInt.empty());
        assertThat(s.find(r.id()).orElseThrow().structure()).isEqualTo(big);
        assertThat(s.count(StructureFilter.all().withSiteCount(800, 900))).isEqualTo(1);
        assertThat(s.count(StructureFilter.all().withSpaceGroup(225))).isZero();
    }

    @Test
    void aStructureTheSymmetryAnalysisRejectsIsStillSaved() {
        StructureStore s = newTenant().structures();
        Structure overlapping = TestStructures.cu().newBuilder().addSite(Element.Cu, 0, 0, 0).build();
        StructureRecord r = s.save("overlapping", overlapping);
        assertThat(r.spaceGroup()).isEmpty();
        assertThat(s.find(r.id()).orElseThrow().structure()).isEqualTo(overlapping);
        assertThat(s.count(StructureFilter.all().withSiteCount(5, 5))).isEqualTo(1);
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
        assertThat(p.structure()).isEqualTo(TestStructures.cu());
        assertThat(p.spaceGroup()).hasValue(225);
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
        assertThatThrownBy(() -> s.save(NewStructure.of(" ", TestStructures.cu()))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("name");
        assertThatThrownBy(() -> NewStructure.of("x", null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("structure");
        assertThat(s.find(r.id()).orElseThrow()).isEqualTo(r);
        assertThat(s.count(StructureFilter.all())).isEqualTo(1);
    }

    @Test
    void filtersByReducedFormulaElementsSiteCountAndSpaceGroup() {
        StructureStore s = newTenant().structures();
        String cu = s.save("Cu", TestStructures.cu()).id();
        String nacl = s.save("NaCl", TestStructures.nacl()).id();
        String sto = s.save("SrTiO3", TestStructures.srTiO3()).id();
        String fe2o3 = s.save("Fe2O3", TestStructures.fe2o3()).id();
        String fe4o6 = s.save("Fe4O6", TestStructures.fe2o3().supercell(2, 1, 1)).id();
        String lco = s.save("LiCoO2", TestStructures.liCoO2()).id();
        String li2o = s.save("Li2O", TestStructures.li2O()).id();
        String fe = s.save("Fe", TestStructures.fe()).id();

        assertThat(ids(s, StructureFilter.all().withReducedFormula("Fe2O3"))).containsExactly(fe2o3, fe4o6);
        assertThat(ids(s, StructureFilter.all().withReducedFormula("O6Fe4"))).containsExactly(fe2o3, fe4o6);
        assertThat(ids(s, StructureFilter.all().withReducedFormula("NaCl"))).containsExactly(nacl);
        assertThat(ids(s, StructureFilter.all().withElements("Li", "O"))).containsExactly(lco, li2o);
        assertThat(ids(s, StructureFilter.all().withElements(Set.of(Element.O)))).containsExactly(sto, fe2o3, fe4o6, lco, li2o);
        assertThat(ids(s, StructureFilter.all().withOnlyElements("Li", "Co", "O"))).containsExactly(lco, li2o);
        assertThat(ids(s, StructureFilter.all().withOnlyElements("Fe", "O", "Cu"))).containsExactly(cu, fe2o3, fe4o6, fe);
        assertThat(ids(s, StructureFilter.all().withElements("Fe").withOnlyElements("Fe"))).containsExactly(fe);
        assertThat(ids(s, StructureFilter.all().withElements("O").withOnlyElements("Li", "Co"))).isEmpty();
        assertThat(ids(s, StructureFilter.all().withSiteCount(5, 8))).containsExactly(nacl, sto, fe2o3);
        assertThat(ids(s, StructureFilter.all().withSiteCount(10, 10))).containsExactly(fe4o6);
        assertThat(ids(s, StructureFilter.all().withSiteCount(0, 1))).isEmpty();
        assertThat(ids(s, StructureFilter.all().withSiteCount(0, Integer.MAX_VALUE))).hasSize(8);
        assertThat(ids(s, StructureFilter.all().withSpaceGroup(225))).containsExactly(cu, nacl, li2o);
        assertThat(ids(s, StructureFilter.all().withSpaceGroup(221))).containsExactly(sto);
        assertThat(ids(s, StructureFilter.all().withSpaceGroup(229))).containsExactly(fe);
        assertThat(ids(s, StructureFilter.all().withSpaceGroup(225).withElements("O").withSiteCount(12, 12))).containsExactly(li2o);
        assertThat(s.count(StructureFilter.all().withElements("Li").withReducedFormula("Li2O"))).isEqualTo(1);
        assertThat(newTenant().structures().count(StructureFilter.all().withElements("Li"))).as("other tenant").isZero();
    }

    @Test
    void hostileFiltersAreTypedErrorsNamingTheArgument() {
        assertThatThrownBy(() -> StructureFilter.all().withElements("Li", "Xx")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("elements").hasMessageContaining("'Xx'");
        assertThatThrownBy(() -> StructureFilter.all().withOnlyElements("o")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("onlyElements").hasMessageContaining("'o'");
        assertThatThrownBy(() -> StructureFilter.all().withElements()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("elements must name at least one element");
        assertThatThrownBy(() -> StructureFilter.all().withOnlyElements(Set.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("onlyElements must name at least one element");
        assertThatThrownBy(() -> StructureFilter.all().withSiteCount(-1, 5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("min -1");
        assertThatThrownBy(() -> StructureFilter.all().withSiteCount(9, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("min 9, max 2");
        assertThatThrownBy(() -> StructureFilter.all().withSiteCount(Integer.MIN_VALUE, Integer.MIN_VALUE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StructureFilter.all().withSpaceGroup(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("spaceGroup").hasMessageContaining("got 0");
        assertThatThrownBy(() -> StructureFilter.all().withSpaceGroup(231)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got 231");
        assertThatThrownBy(() -> StructureFilter.all().withReducedFormula("Fe2Q3")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StructureFilter.all().withReducedFormula("  ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reducedFormula");
        StructureStore s = newTenant().structures();
        s.save("Cu", TestStructures.cu());
        assertThat(s.count(StructureFilter.all().withSiteCount(Integer.MAX_VALUE, Integer.MAX_VALUE))).isZero();
        assertThat(s.count(StructureFilter.all().withOnlyElements(Set.of(Element.values())))).isEqualTo(1);
    }

    @Test
    void filtersAndPaginatesWithKeysetCursors() {
        StructureStore s = newTenant().structures();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            NewStructure n = NewStructure.of("s" + i, i % 2 == 0 ? TestStructures.fe2o3() : TestStructures.nacl());
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
        assertThat(s.count(StructureFilter.all().withReducedFormula("Fe2O3"))).isEqualTo(13);
        assertThat(s.count(StructureFilter.all().withProject(ProjectId.of("p")))).isEqualTo(9);
        assertThat(s.count(StructureFilter.all().withProject(ProjectId.of("p")).withTag("x").withReducedFormula("NaCl"))).isEqualTo(4);
        assertThat(s.count(StructureFilter.all().withNameContaining("s1"))).isEqualTo(11);
        List<String> naclPages = new ArrayList<>();
        PageRequest first = PageRequest.first(5);
        Page<StructureRecord> p1 = s.query(StructureFilter.all().withElements("Na"), first);
        p1.items().forEach(r -> naclPages.add(r.id()));
        s.query(StructureFilter.all().withElements("Na"), p1.next(first)).items().forEach(r -> naclPages.add(r.id()));
        assertThat(naclPages).hasSize(10).doesNotHaveDuplicates().allMatch(id -> ids.indexOf(id) % 2 == 1);
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
        assertThat(t.structures().count(StructureFilter.all().withElements("Cu"))).isZero();
        assertThat(auditCount(t)).isEqualTo(before + 1);
    }

    private static List<String> ids(StructureStore s, StructureFilter f) {
        List<String> ids = s.query(f, PageRequest.first(50)).items().stream().map(StructureRecord::id).toList();
        assertThat(s.count(f)).as("count agrees with query").isEqualTo(ids.size());
        return ids;
    }
}
