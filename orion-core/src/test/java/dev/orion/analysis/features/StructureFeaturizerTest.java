package dev.orion.analysis.features;

import dev.orion.features.FeatureVector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.orion.structure.Element;
import dev.orion.structure.Lattice;
import dev.orion.structure.Structure;
import org.junit.jupiter.api.Test;

class StructureFeaturizerTest {

    @Test
    void rockSaltByHand() {
        Structure nacl = TestStructures.rockSalt(Element.Na, Element.Cl, 5.64);
        FeatureVector f = StructureFeaturizer.standard().featurize(nacl);
        assertThat(f.size()).isEqualTo(7 + 24);
        assertThat(f.value("density")).isCloseTo(2.1636, within(1e-3));
        assertThat(f.value("volume_per_atom")).isCloseTo(5.64 * 5.64 * 5.64 / 8, within(1e-12));
        // 4 x 4/3 pi (1.66^3 + 1.02^3) / 5.64^3
        assertThat(f.value("packing_fraction")).isCloseTo(0.526313, within(1e-6));
        assertThat(f.value("cn_mean")).isEqualTo(6.0);
        assertThat(f.value("cn_min")).isEqualTo(6.0);
        assertThat(f.value("cn_max")).isEqualTo(6.0);
        assertThat(f.value("cn_std")).isZero();
        // nothing closer than the first shell at 2.82 Å, which sits in [2.75, 3.00)
        assertThat(f.value("rdf_2.50_2.75")).isZero();
        assertThat(f.value("rdf_2.75_3.00")).isGreaterThan(1);
    }

    @Test
    void supercellHasTheSameFeatures() {
        Structure nacl = TestStructures.rockSalt(Element.Na, Element.Cl, 5.64);
        double[] small = StructureFeaturizer.standard().featurize(nacl).toArray();
        double[] big = StructureFeaturizer.standard().featurize(nacl.supercell(2, 1, 3)).toArray();
        for (int k = 0; k < small.length; k++) {
            assertThat(big[k]).isCloseTo(small[k], within(1e-9));
        }
    }

    @Test
    void coordinationStatisticsOfAMixedStructure() {
        // Cs bonded to 4 Cl (3.55 Å) and 4 Cs (4.1 Å, radii 2 x 2.44), Cl to 4 Cs, the O far from all
        Structure s = Structure.builder().lattice(Lattice.tetragonal(4.1, 12))
                .addSite(Element.Cs, 0, 0, 0).addSite(Element.Cl, 0.5, 0.5, 0.17).addSite(Element.O, 0.5, 0.5, 0.6)
                .build();
        FeatureVector f = StructureFeaturizer.builder().bondTolerance(0.3).rdfCutoff(4).rdfBinWidth(1).build()
                .featurize(s);
        assertThat(f.names()).contains("rdf_3.00_4.00");
        assertThat(f.value("cn_min")).isZero();
        assertThat(f.value("cn_max")).isEqualTo(8.0);
        assertThat(f.value("cn_mean")).isCloseTo(4.0, within(1e-12));
    }

    @Test
    void badSettingsAreRefused() {
        assertThatThrownBy(() -> StructureFeaturizer.builder().rdfCutoff(1).rdfBinWidth(2).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rdfBinWidth");
        assertThatThrownBy(() -> StructureFeaturizer.builder().rdfCutoff(-1))
                .hasMessageContaining("-1");
        Structure empty = Structure.builder().lattice(Lattice.cubic(3)).build();
        assertThatThrownBy(() -> StructureFeaturizer.standard().featurize(empty)).hasMessageContaining("no sites");
    }
}
