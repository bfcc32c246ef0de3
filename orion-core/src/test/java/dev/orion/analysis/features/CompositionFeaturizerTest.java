package dev.orion.analysis.features;

import dev.orion.features.FeatureVector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.orion.structure.Composition;
import dev.orion.structure.Element;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CompositionFeaturizerTest {

    private final CompositionFeaturizer standard = CompositionFeaturizer.standard();

    @Test
    void naclStatisticsByHand() {
        FeatureVector f = standard.featurize(Composition.parse("NaCl"));
        assertThat(f.size()).isEqualTo(36);
        assertThat(f.value("Z_mean")).isEqualTo(14.0);
        assertThat(f.value("Z_min")).isEqualTo(11.0);
        assertThat(f.value("Z_max")).isEqualTo(17.0);
        assertThat(f.value("Z_range")).isEqualTo(6.0);
        assertThat(f.value("Z_std")).isCloseTo(3.0, within(1e-12));
        // equal abundance: the mode is the smaller value, as matminer's PropertyStats does
        assertThat(f.value("Z_mode")).isEqualTo(11.0);
        assertThat(f.value("atomic_mass_mean")).isCloseTo((22.98977 + 35.453) / 2, within(1e-9));
        assertThat(f.value("electronegativity_mean")).isCloseTo(2.045, within(1e-12));
        assertThat(f.value("electronegativity_range")).isCloseTo(2.23, within(1e-12));
        assertThat(f.value("electronegativity_std")).isCloseTo(1.115, within(1e-12));
        assertThat(f.value("covalent_radius_mean")).isCloseTo(1.34, within(1e-12));
        assertThat(f.value("group_mean")).isEqualTo(9.0);
        assertThat(f.value("group_std")).isCloseTo(8.0, within(1e-12));
        assertThat(f.value("period_mean")).isEqualTo(3.0);
        assertThat(f.value("period_std")).isZero();
    }

    @Test
    void fractionsWeightTheStatistics() {
        FeatureVector f = standard.featurize(Composition.parse("Fe2O3"));
        assertThat(f.value("Z_mean")).isCloseTo(0.4 * 26 + 0.6 * 8, within(1e-12));
        assertThat(f.value("Z_std")).isCloseTo(Math.sqrt(0.4 * 10.8 * 10.8 + 0.6 * 7.2 * 7.2), within(1e-12));
        assertThat(f.value("Z_mode")).isEqualTo(8.0);
        assertThat(f.value("electronegativity_mode")).isEqualTo(3.44);
        // scaling a composition does not change intensive statistics
        assertThat(standard.featurize(Composition.parse("Fe4O6"))).isEqualTo(f);
    }

    @Test
    void structureUsesItsComposition() {
        FeatureVector f = standard.featurize(TestStructures.rockSalt(Element.Na, Element.Cl, 5.64));
        assertThat(f).isEqualTo(standard.featurize(Composition.parse("NaCl")));
    }

    @Test
    void missingPropertiesGiveNaN() {
        FeatureVector f = standard.featurize(Composition.parse("HeNe"));
        assertThat(f.value("electronegativity_mean")).isNaN();
        assertThat(f.value("Z_mean")).isEqualTo(6.0);
    }

    @Test
    void selectionKeepsEnumOrderInNames() {
        CompositionFeaturizer c = CompositionFeaturizer.of(Set.of(ElementProperty.PERIOD, ElementProperty.ATOMIC_NUMBER),
                EnumSet.of(Statistic.MAX, Statistic.MEAN));
        assertThat(c.featureNames()).containsExactly("Z_mean", "Z_max", "period_mean", "period_max");
        assertThat(c.featurize(Composition.parse("SiO2")).toArray())
                .containsExactly(new double[] {(14 + 2 * 8) / 3.0, 14, 7 / 3.0, 3}, within(1e-12));
        assertThatThrownBy(() -> CompositionFeaturizer.of(Set.of(), Set.of(Statistic.MEAN)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> standard.featurize(Composition.empty())).hasMessageContaining("empty");
    }
}
