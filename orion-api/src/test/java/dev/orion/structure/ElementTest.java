package dev.orion.structure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ElementTest {

    @Test
    void all118ElementsInAtomicNumberOrder() {
        Element[] all = Element.values();
        assertThat(all).hasSize(118);
        for (int i = 0; i < all.length; i++) {
            assertThat(all[i].z()).isEqualTo(i + 1);
            assertThat(Element.ofZ(i + 1)).isSameAs(all[i]);
            assertThat(all[i].atomicMass()).isPositive();
            assertThat(all[i].elementName()).isNotBlank();
            assertThat(all[i].period()).isBetween(1, 7);
            assertThat(all[i].group()).isBetween(1, 18);
        }
        assertThat(all[0]).isEqualTo(Element.H);
        assertThat(all[117]).isEqualTo(Element.Og);
    }

    @Test
    void propertiesOfKnownElements() {
        assertThat(Element.Fe.atomicMass()).isEqualTo(55.845);
        assertThat(Element.Fe.elementName()).isEqualTo("Iron");
        assertThat(Element.Fe.symbol()).isEqualTo("Fe");
        assertThat(Element.O.electronegativity().getAsDouble()).isEqualTo(3.44);
        assertThat(Element.C.covalentRadius().getAsDouble()).isCloseTo(0.76, within(1e-12));
        assertThat(Element.He.electronegativity()).isEmpty();
        assertThat(Element.Ne.electronegativity()).isEmpty();
        assertThat(Element.Ar.electronegativity()).isEmpty();
        assertThat(Element.Og.covalentRadius()).isEmpty();
    }

    @Test
    void groupsAndPeriods() {
        assertThat(Element.H.group()).isEqualTo(1);
        assertThat(Element.He.group()).isEqualTo(18);
        assertThat(Element.Fe.group()).isEqualTo(8);
        assertThat(Element.Fe.period()).isEqualTo(4);
        assertThat(Element.Al.group()).isEqualTo(13);
        assertThat(Element.La.group()).isEqualTo(3);
        assertThat(Element.La.period()).isEqualTo(6);
        assertThat(Element.Lu.group()).isEqualTo(3);
        assertThat(Element.Hf.group()).isEqualTo(4);
        assertThat(Element.U.group()).isEqualTo(3);
        assertThat(Element.U.period()).isEqualTo(7);
        assertThat(Element.Og.group()).isEqualTo(18);
        assertThat(Element.Og.period()).isEqualTo(7);
    }

    @Test
    void lookups() {
        assertThat(Element.of("Fe")).isEqualTo(Element.Fe);
        assertThat(Element.parse("FE")).contains(Element.Fe);
        assertThat(Element.parse(" fe ")).contains(Element.Fe);
        assertThat(Element.parse("Xx")).isEmpty();
        assertThatThrownBy(() -> Element.of("FE")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'FE'");
        assertThatThrownBy(() -> Element.of("Xx")).hasMessageContaining("'Xx'");
        assertThatThrownBy(() -> Element.ofZ(0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0");
        assertThatThrownBy(() -> Element.ofZ(119)).hasMessageContaining("119");
    }
}
