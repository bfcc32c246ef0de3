package dev.orion.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StoreArgumentsTest {

    @Test
    void textNamesTheArgumentAndAbbreviatesTheValue() {
        assertThat(StoreArguments.text("queue", "jobs", 100)).isEqualTo("jobs");
        assertThatThrownBy(() -> StoreArguments.text("queue", " ", 100))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("queue must be 1-100");
        assertThatThrownBy(() -> StoreArguments.text("bucket", "x".repeat(500), 200))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bucket")
                .hasMessageContaining("...'").hasMessageNotContaining("x".repeat(61));
        assertThatThrownBy(() -> StoreArguments.text("queue", null, 100))
                .isInstanceOf(NullPointerException.class).hasMessage("queue");
    }

    @Test
    void mapsAndSetsComeBackSortedAndUnmodifiable() {
        Map<String, Double> checked = StoreArguments.properties(Map.of("b", 2.0, "a", 1.0));
        assertThat(checked.keySet()).containsExactly("a", "b");
        assertThatThrownBy(() -> checked.put("c", 3.0)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(StoreArguments.tags(Set.of("z", "m"))).containsExactly("m", "z");
        assertThat(StoreArguments.metadata(Map.of("k2", "v", "k1", "v")).keySet()).containsExactly("k1", "k2");
    }

    @Test
    void hostileValuesAreRefusedByName() {
        assertThatThrownBy(() -> StoreArguments.properties(Map.of("gap", Double.NaN)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'gap'").hasMessageContaining("NaN");
        Map<String, Double> withNull = new HashMap<>();
        withNull.put("e", null);
        assertThatThrownBy(() -> StoreArguments.properties(withNull)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StoreArguments.tags(Set.of("t".repeat(StoreArguments.MAX_TAG_LENGTH + 1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tag must be 1-100");
        Map<String, String> nullValue = new HashMap<>();
        nullValue.put("k", null);
        assertThatThrownBy(() -> StoreArguments.metadata(nullValue))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("metadata value of k");
    }
}
