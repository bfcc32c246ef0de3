package dev.orion.structure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CompositionTest {

    @Test
    void calciumPhosphate() {
        Composition c = Composition.parse("Ca3(PO4)2");
        assertThat(c.formula()).isEqualTo("Ca3 P2 O8");
        assertThat(c.weight()).isCloseTo(310.17, within(0.01));
        assertThat(c.numAtoms()).isEqualTo(13.0);
        assertThat(c.amount(Element.O)).isEqualTo(8.0);
        assertThat(c.amount(Element.Fe)).isZero();
        assertThat(c.elements()).containsExactly(Element.Ca, Element.P, Element.O);
        assertThat(c.fraction(Element.Ca)).isCloseTo(3.0 / 13, within(1e-15));
        assertThat(c.weightFraction(Element.Ca)).isCloseTo(3 * 40.078 / c.weight(), within(1e-12));
        assertThat(c).hasToString("Ca3 P2 O8");
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "Fe2O3; Fe2 O3; Fe2O3; A2B3",
        "Fe2 O3; Fe2 O3; Fe2O3; A2B3",
        "LiCoO2; Li1 Co1 O2; LiCoO2; ABC2",
        "Li0.5CoO2; Li0.5 Co1 O2; Li0.5CoO2; A0.5BC2",
        "Mg(OH)2; Mg1 H2 O2; MgH2O2; AB2C2",
        "K4[Fe(CN)6]; K4 Fe1 C6 N6; K4FeC6N6; AB4C6D6",
        "Fe4O6; Fe4 O6; Fe2O3; A2B3",
        "((CH3)2)3; H18 C6; H3C; AB3",
        "NaCl; Na1 Cl1; NaCl; AB",
        "O2; O2; O; A",
        "CuSO4·5H2O; Cu1 H10 S1 O9; CuH10SO9; ABC9D10",
        "CuSO4*5H2O; Cu1 H10 S1 O9; CuH10SO9; ABC9D10",
        "(CuSO4*H2O)2; Cu2 H4 S2 O10; CuH2SO5; ABC2D5",
    })
    void formulas(String input, String formula, String reduced, String anonymous) {
        Composition c = Composition.parse(input);
        assertThat(c.formula()).isEqualTo(formula);
        assertThat(c.reducedFormula()).isEqualTo(reduced);
        assertThat(c.anonymousFormula()).isEqualTo(anonymous);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "Ca3(PO4; 8", "Ca3PO4); 7", "Xx2; 1", "Fe2O3x; 6", "Fe2..3; 3", "(); 1", "Fe0; 3", "Fe-2; 3", "CuSO4*; 6",
    })
    void badFormulasNameFormulaAndPosition(String formula, int position) {
        assertThatThrownBy(() -> Composition.parse(formula)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + formula + "'").hasMessageContaining("position " + position);
    }

    @Test
    void blankAndNullFormulasAreRejected() {
        assertThatThrownBy(() -> Composition.parse("  ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Composition.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void arithmeticAndComparison() {
        Composition fe2o3 = Composition.parse("Fe2O3");
        assertThat(fe2o3.plus(Composition.parse("FeO"))).isEqualTo(Composition.parse("Fe3O4"));
        assertThat(fe2o3.times(2)).isEqualTo(Composition.parse("Fe4O6"));
        assertThat(fe2o3.reducedComposition()).isEqualTo(fe2o3);
        assertThat(Composition.parse("Fe4O6").reducedComposition()).isEqualTo(fe2o3);
        assertThat(fe2o3.almostEquals(Composition.parse("Fe2.0000001O3"), 1e-6)).isTrue();
        assertThat(fe2o3.almostEquals(Composition.parse("Fe2O3.1"), 1e-6)).isFalse();
        assertThat(fe2o3.almostEquals(Composition.parse("Fe2O3N0.01"), 1e-6)).isFalse();
        assertThat(Composition.of(Map.of(Element.O, 3.0, Element.Fe, 2.0, Element.N, 0.0))).isEqualTo(fe2o3);
        assertThat(Composition.empty().formula()).isEmpty();
        assertThatThrownBy(() -> Composition.of(Map.of(Element.O, -1.0))).hasMessageContaining("O");
        assertThatThrownBy(() -> fe2o3.times(Double.NaN)).hasMessageContaining("NaN");
    }

    @Test
    void elementsWithoutElectronegativityComeLast() {
        assertThat(Composition.parse("XeF2").formula()).isEqualTo("Xe1 F2");
        assertThat(Composition.parse("ArHe").elements()).containsExactly(Element.Ar, Element.He);
        assertThat(Composition.parse("HeLi").elements()).containsExactly(Element.Li, Element.He);
    }
}
