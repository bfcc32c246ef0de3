package dev.orion.symmetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The numbers of operation strings: integers, decimals and fractions, and what is not a number. */
class SymmetryOperationParserNumbersTest {

    @Test
    void integersDecimalsAndFractionsGiveTheSameTranslations() {
        SymmetryOperation fractions = SymmetryOperation.parse("x+1/2,y+3/4,z+1/3");
        assertThat(fractions.translation()).containsExactly(0.5, 0.75, 1.0 / 3);
        assertThat(SymmetryOperation.parse("x+0.5,y+0.75,z+1/3")).isEqualTo(fractions);
        assertThat(SymmetryOperation.parse("x+01/02,y+6/8,z+0001/0003")).isEqualTo(fractions);
        assertThat(SymmetryOperation.parse("2x-y,x,z+123456789/123456789")).isEqualTo(SymmetryOperation.parse("2x-y,x,z"));
    }

    @Test
    void digitsOutsideAsciiAreNotNumbers() {
        assertThatThrownBy(() -> SymmetryOperation.parse("x+\u0661/2,y,z"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("malformed number");
    }
}
