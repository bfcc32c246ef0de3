package dev.orion;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StructureParseExceptionTest {

    @Test
    void messageNamesSourceLineAndColumn() {
        StructureParseException e = StructureParseException.expected("Cu.cif", 12, 5, "a number for _cell_length_a", "abc");
        assertThat(e).hasMessage("Cu.cif:12:5: expected a number for _cell_length_a, found 'abc'");
        assertThat(e.source()).isEqualTo("Cu.cif");
        assertThat(e.line()).isEqualTo(12);
        assertThat(e.column()).isEqualTo(5);
        assertThat(e.reason()).isEqualTo("expected a number for _cell_length_a, found 'abc'");
        assertThat(e).isInstanceOf(OrionException.class);
    }

    @Test
    void omitsWhatIsNotKnown() {
        assertThat(new StructureParseException(null, 3, 0, "bad")).hasMessage("<string>:3: bad");
        assertThat(new StructureParseException("POSCAR", 0, 0, "empty file")).hasMessage("POSCAR: empty file");
    }
}
