package dev.orion.io.cif;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orion.structure.Element;
import dev.orion.structure.Species;
import org.junit.jupiter.api.Test;

/** Lenient element and charge recognition in type symbols and labels. */
class CifSymbolsTest {

    private static Species parse(String text) {
        return CifSymbols.parse(text).orElseThrow(() -> new AssertionError("no species in " + text));
    }

    @Test
    void elementsInAnyCaseWithLabelSuffixes() {
        assertThat(parse("CA")).isEqualTo(Species.of(Element.Ca));
        assertThat(parse("NB")).isEqualTo(Species.of(Element.Nb));
        assertThat(parse("Fe1")).isEqualTo(Species.of(Element.Fe));
        assertThat(parse("OW1")).isEqualTo(Species.of(Element.O));
        assertThat(parse("Cl1A")).isEqualTo(Species.of(Element.Cl));
        assertThat(parse("C12")).isEqualTo(Species.of(Element.C));
        assertThat(parse("H1A")).isEqualTo(Species.of(Element.H));
        assertThat(parse("D")).isEqualTo(Species.of(Element.H));
        assertThat(parse(" Si ")).isEqualTo(Species.of(Element.Si));
    }

    @Test
    void chargesAfterTheSymbol() {
        assertThat(parse("Na1+")).isEqualTo(Species.of(Element.Na, 1));
        assertThat(parse("O2-")).isEqualTo(Species.of(Element.O, -2));
        assertThat(parse("Fe3+")).isEqualTo(Species.of(Element.Fe, 3));
        assertThat(parse("Fe+3")).isEqualTo(Species.of(Element.Fe, 3));
        assertThat(parse("Cl-")).isEqualTo(Species.of(Element.Cl, -1));
        assertThat(parse("Fe2.5+")).isEqualTo(Species.of(Element.Fe, 2.5));
        assertThat(parse("Fe0+")).isEqualTo(Species.of(Element.Fe, 0));
        assertThat(parse("Fe1A+").oxidationState()).as("not a charge form").isEmpty();
    }

    @Test
    void notElements() {
        assertThat(CifSymbols.parse("")).isEmpty();
        assertThat(CifSymbols.parse("1Fe")).isEmpty();
        assertThat(CifSymbols.parse("Q1")).isEmpty();
        assertThat(CifSymbols.parse("Xx")).isEmpty();
        assertThat(CifSymbols.parse("+")).isEmpty();
    }
}
