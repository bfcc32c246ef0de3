package dev.orion.structure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SpeciesTest {

    @Test
    void parsesCommonForms() {
        assertThat(Species.parse("Fe2+")).isEqualTo(Species.of(Element.Fe, 2));
        assertThat(Species.parse("O2-")).isEqualTo(Species.of(Element.O, -2));
        assertThat(Species.parse("Na+")).isEqualTo(Species.of(Element.Na, 1));
        assertThat(Species.parse("Cl-")).isEqualTo(Species.of(Element.Cl, -1));
        assertThat(Species.parse("Fe")).isEqualTo(Species.of(Element.Fe));
        assertThat(Species.parse("Fe3.5+").oxidationState()).hasValue(3.5);
        assertThat(Species.parse("Fe+3")).isEqualTo(Species.of(Element.Fe, 3));
        assertThat(Species.parse("Fe").oxidationState()).isEmpty();
    }

    @Test
    void toStringMatchesParse() {
        assertThat(Species.of(Element.Fe, 2)).hasToString("Fe2+");
        assertThat(Species.of(Element.O, -2)).hasToString("O2-");
        assertThat(Species.of(Element.Fe)).hasToString("Fe");
        assertThat(Species.of(Element.Fe, 2.5)).hasToString("Fe2.5+");
        assertThat(Species.of(Element.Fe, -0.0)).isEqualTo(Species.of(Element.Fe, 0.0));
        for (String s : List.of("Fe2+", "O2-", "Na1+", "Fe2.5+", "Mn0+", "Fe")) {
            assertThat(Species.parse(Species.parse(s).toString())).isEqualTo(Species.parse(s));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "fe2+", "Xx", "Fe2", "Fe2+x", "Fe..2+", "2+", "Fe++"})
    void rejectsBadInput(String text) {
        assertThatThrownBy(() -> Species.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + text + "'");
    }

    @Test
    void ordersByAtomicNumberThenOxidationState() {
        List<Species> list = new ArrayList<>(List.of(Species.parse("O2-"), Species.parse("Fe3+"),
                Species.parse("Fe"), Species.parse("Fe2+"), Species.parse("H+")));
        Collections.sort(list);
        assertThat(list).extracting(Species::toString).containsExactly("H+", "O2-", "Fe", "Fe2+", "Fe3+");
    }
}
