package dev.orion.structure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MoleculeTest {

    static Molecule water() {
        return Molecule.builder()
                .add(Element.O, 0, 0, 0)
                .add(Element.H, 0.757, 0.586, 0)
                .add(new Atom(Species.of(Element.H), -0.757, 0.586, 0, Map.of("charge", 0.4)))
                .property("title", "water")
                .build();
    }

    @Test
    void basics() {
        Molecule w = water();
        assertThat(w.size()).isEqualTo(3);
        assertThat(w.composition().reducedFormula()).isEqualTo("H2O");
        assertThat(w.site(2).properties()).containsEntry("charge", 0.4);
        assertThat(w.site(1).properties()).isEmpty();
        assertThat(w.site(0).element()).isEqualTo(Element.O);
        assertThat(w.cartesian(1)).containsExactly(0.757, 0.586, 0);
        double[] com = w.centerOfMass();
        assertThat(com[0]).isCloseTo(0, within(1e-12));
        assertThat(com[1]).isCloseTo(2 * 1.00794 * 0.586 / (15.9994 + 2 * 1.00794), within(1e-12));
        assertThat(w).isEqualTo(water()).hasSameHashCodeAs(water());
        assertThat(w.newBuilder().build()).isEqualTo(w);
        assertThat(w.toString()).contains("H2 O1").contains("0.757000");
        assertThatThrownBy(() -> Molecule.builder().build().centerOfMass()).isInstanceOf(IllegalStateException.class);
    }
}
