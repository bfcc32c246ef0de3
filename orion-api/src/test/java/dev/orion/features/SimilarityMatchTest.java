package dev.orion.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orion.neighbors.Neighbor;
import org.junit.jupiter.api.Test;

class SimilarityMatchTest {

    @Test
    void valuesAreValidated() {
        assertThat(new SimilarityMatch("a", 0.25).distance()).isEqualTo(0.25);
        assertThatThrownBy(() -> new SimilarityMatch("a", -1)).hasMessageContaining("-1");
        assertThatThrownBy(() -> new SimilarityMatch(null, 1)).isInstanceOf(NullPointerException.class);
        Neighbor n = new Neighbor(3, 1, 0, -1, 2.5);
        assertThat(n.image()).containsExactly(1, 0, -1);
        assertThatThrownBy(() -> new Neighbor(-1, 0, 0, 0, 1)).hasMessageContaining("index");
        assertThatThrownBy(() -> new Neighbor(0, 0, 0, 0, Double.NaN)).hasMessageContaining("NaN");
    }
}
