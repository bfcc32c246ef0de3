package dev.orion.core.similarity;

import static dev.orion.analysis.features.StructureFingerprintTest.cesiumChloride;
import static dev.orion.analysis.features.StructureFingerprintTest.fcc;
import static dev.orion.analysis.features.StructureFingerprintTest.rockSalt;
import static dev.orion.analysis.features.StructureFingerprintTest.zincBlende;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orion.analysis.features.StructureFingerprint;
import dev.orion.core.Stores;
import dev.orion.features.SimilarityIndex;
import dev.orion.features.SimilarityMatch;
import dev.orion.structure.Element;
import dev.orion.tenant.Principal;
import dev.orion.tenant.TenantId;
import java.util.List;
import org.junit.jupiter.api.Test;

class VectorSimilarityIndexTest {

    @Test
    void aStoreBackedIndexFindsRockSaltsAcrossChemistry() {
        var stores = Stores.inMemory();
        SimilarityIndex index = VectorSimilarityIndex.of(stores.tenant(TenantId.of("acme"), Principal.user("alice")).vectors(),
                StructureFingerprint.prototype());
        index.add("NaCl", rockSalt(Element.Na, Element.Cl, 5.64));
        index.add("KBr", rockSalt(Element.K, Element.Br, 6.60));
        index.add("ZnS", zincBlende(Element.Zn, Element.S, 5.41));
        index.add("CsCl", cesiumChloride(Element.Cs, Element.Cl, 4.12));
        index.add("Cu", fcc(Element.Cu, 3.61));
        assertThat(index.size()).isEqualTo(5);
        List<SimilarityMatch> best = index.nearest(rockSalt(Element.Mg, Element.O, 4.21), 3);
        assertThat(best.subList(0, 2)).extracting(SimilarityMatch::id).containsExactlyInAnyOrder("KBr", "NaCl");
        assertThat(best.get(1).distance()).isLessThan(1e-6);
        assertThat(best.get(2).distance()).isGreaterThan(0.05);
        assertThat(index.remove("KBr")).isTrue();
        assertThat(index.size()).isEqualTo(4);
        assertThat(stores.tenant(TenantId.of("other"), Principal.user("bob")).vectors().size("structure-prototype")).isZero();
    }

}
