package dev.orion.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FeatureVectorTest {

    @Test
    void namedValuesInOrder() {
        double[] values = {2.16, 22.4};
        FeatureVector f = FeatureVector.of(List.of("density", "volume_per_atom"), values);
        values[0] = 99;
        assertThat(f.size()).isEqualTo(2);
        assertThat(f.value("density")).isEqualTo(2.16);
        assertThat(f.value(1)).isEqualTo(22.4);
        assertThat(f.name(1)).isEqualTo("volume_per_atom");
        assertThat(f.find("nope")).isEmpty();
        assertThat(f.contains("density")).isTrue();
        assertThat(f.toMap()).containsExactly(Map.entry("density", 2.16), Map.entry("volume_per_atom", 22.4));
        double[] copy = f.toArray();
        copy[0] = 0;
        assertThat(f.value(0)).isEqualTo(2.16);
        assertThatThrownBy(() -> f.value("nope")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nope");
        assertThat(f.toString()).isEqualTo("FeatureVector[density=2.16000, volume_per_atom=22.4000]");
    }

    @Test
    void concatenationAndPrefixes() {
        FeatureVector a = FeatureVector.of(List.of("x", "y"), new double[] {1, 2});
        FeatureVector b = FeatureVector.of(List.of("z"), new double[] {Double.NaN});
        FeatureVector ab = FeatureVector.concat(a, b, FeatureVector.empty());
        assertThat(ab.names()).containsExactly("x", "y", "z");
        assertThat(ab.value("z")).isNaN();
        assertThat(ab).isEqualTo(a.concat(b)).hasSameHashCodeAs(a.concat(b));
        assertThat(a.withPrefix("A_").names()).containsExactly("A_x", "A_y");
        assertThatThrownBy(() -> a.concat(a)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'x'");
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("q", 1.0);
        m.put("p", 2.0);
        assertThat(FeatureVector.of(m).names()).containsExactly("q", "p");
    }

    @Test
    void invalidInputsAreRefused() {
        assertThatThrownBy(() -> FeatureVector.of(List.of("a"), new double[] {1, 2}))
                .hasMessageContaining("1 names and 2 values");
        assertThatThrownBy(() -> FeatureVector.of(List.of(" "), new double[] {1})).hasMessageContaining("blank");
        assertThatThrownBy(() -> FeatureVector.of(List.of("a"), new double[] {Double.POSITIVE_INFINITY}))
                .hasMessageContaining("infinite");
        assertThatThrownBy(() -> FeatureVector.of(List.of("a", "a"), new double[] {1, 2}))
                .hasMessageContaining("more than once");
        assertThatThrownBy(() -> FeatureVector.of(List.of("a"), new double[] {1}).names().add("b"))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
