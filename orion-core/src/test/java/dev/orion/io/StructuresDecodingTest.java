package dev.orion.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orion.structure.Structure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How {@link Structures#readAll(Path)} decodes file bytes: UTF-8, else Latin-1. */
class StructuresDecodingTest {

    private static final String REST = "\n_cell_length_a 4\n_cell_length_b 4\n_cell_length_c 4\n"
            + "loop_\n_atom_site_label\n_atom_site_fract_x\n_atom_site_fract_y\n_atom_site_fract_z\nCu1 0 0 0\n";

    @TempDir
    Path dir;

    private String blockName(byte[] header) throws IOException {
        Path file = dir.resolve("t.cif");
        byte[] rest = REST.getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[header.length + rest.length];
        System.arraycopy(header, 0, all, 0, header.length);
        System.arraycopy(rest, 0, all, header.length, rest.length);
        Files.write(file, all);
        Structure s = Structures.read(file);
        return (String) s.properties().get("cif_block");
    }

    @Test
    void asciiAndUtf8AreReadAsUtf8() throws IOException {
        assertThat(blockName("data_cu".getBytes(StandardCharsets.UTF_8))).isEqualTo("cu");
        assertThat(blockName("data_caf\u00e9\u2013\u03b1".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("caf\u00e9\u2013\u03b1");
    }

    @Test
    void aReplacementCharacterTheFileHoldsIsKept() throws IOException {
        assertThat(blockName("data_x\uFFFDy".getBytes(StandardCharsets.UTF_8))).isEqualTo("x\uFFFDy");
    }

    @Test
    void bytesThatAreNotUtf8AreReadAsLatin1() throws IOException {
        assertThat(blockName("data_caf\u00e9".getBytes(StandardCharsets.ISO_8859_1))).isEqualTo("caf\u00e9");
        // Valid UTF-8 followed by a byte that is not: the whole file is Latin-1.
        byte[] mixed = "data_\u00e9\u00e9".getBytes(StandardCharsets.UTF_8);
        mixed[mixed.length - 1] = (byte) 0xE9;
        assertThat(blockName(mixed)).isEqualTo("\u00c3\u00a9\u00c3\u00e9");
    }
}
