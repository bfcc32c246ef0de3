package dev.orion.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orion.StructureParseException;
import dev.orion.structure.Structure;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Reading a text or a stream whose file name is known: {@link Structures#read(InputStream, String)} and friends. */
class StructuresFromTextTest {

    private static final String POSCAR = "Si\n5.43\n1 0 0\n0 1 0\n0 0 1\nSi\n2\nDirect\n0 0 0\n0.25 0.25 0.25\n";

    @Test
    void aClasspathResourceIsReadInOneCall() {
        Structure cu = Structures.read(StructuresFromTextTest.class.getResourceAsStream("Cu.cif"), "Cu.cif");
        assertThat(cu.composition().reducedFormula()).isEqualTo("Cu");
        assertThat(cu.size()).as("the space group expands one site to the fcc cell").isEqualTo(4);
    }

    @Test
    void theFileNameChoosesTheFormatAndTheStreamIsClosed() {
        boolean[] closed = {false};
        InputStream in = new ByteArrayInputStream(POSCAR.getBytes(StandardCharsets.US_ASCII)) {
            @Override
            public void close() throws IOException {
                closed[0] = true;
                super.close();
            }
        };
        assertThat(Structures.read(in, "POSCAR").size()).isEqualTo(2);
        assertThat(closed[0]).isTrue();
        assertThat(Structures.read(POSCAR, "Si.vasp").lattice().a()).isEqualTo(5.43);
        assertThat(Structures.readAll(POSCAR, "POSCAR").structures()).hasSize(1);
    }

    @Test
    void withoutATellingNameTheContentDecides() {
        assertThat(Structures.read(POSCAR, "input.txt").composition().reducedFormula()).isEqualTo("Si");
    }

    @Test
    void aMissingResourceAndBadTextAreNamedErrors() {
        assertThatThrownBy(() -> Structures.read(StructuresFromTextTest.class.getResourceAsStream("nope.cif"), "nope.cif"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nope.cif");
        assertThatThrownBy(() -> Structures.read("data_x\n_cell_length_a oops\n", "broken.cif"))
                .isInstanceOf(StructureParseException.class)
                .hasMessageContaining("broken.cif");
    }

    @Test
    void bytesThatAreNotUtf8AreReadAsLatin1() {
        byte[] latin1 = ("data_caf\u00e9\n" + "_cell_length_a 4\n_cell_length_b 4\n_cell_length_c 4\nloop_\n_atom_site_label\n"
                + "_atom_site_fract_x\n_atom_site_fract_y\n_atom_site_fract_z\nCu1 0 0 0\n").getBytes(StandardCharsets.ISO_8859_1);
        Structure s = Structures.read(new ByteArrayInputStream(latin1), "old.cif");
        assertThat(s.properties().get("cif_block")).isEqualTo("caf\u00e9");
    }
}
