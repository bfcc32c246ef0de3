package dev.orion.samples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InspectTest {

    private static final Path SI = Path.of("src/main/resources/dev/orion/samples/structures/Si.poscar");

    @Test
    void printsTheSpaceGroupOfEachStructure() {
        List<ObjectNode> out = Inspect.inspect(SI);
        assertThat(out).hasSize(1);
        assertThat(out.get(0).get("spacegroup").asInt()).isEqualTo(227);
        assertThat(out.get(0).get("spacegroup_symbol").asText()).isEqualTo("Fd-3m");
    }

    @Test
    void usesTheGivenTolerance() {
        ObjectNode o = Inspect.inspect(SI, 1e-3).get(0);
        assertThat(o.get("spacegroup").asInt()).isEqualTo(227);
        assertThat(o.has("spacegroup_error")).isFalse();
    }

    @Test
    void allReadsAFolderInBulkWithProgressLinesAndListsTheBrokenFile(@TempDir Path dir) throws Exception {
        Path cubic = Path.of(System.getProperty("orion.testdata", "../testdata"), "structures/poscar/cubic");
        try (var files = Files.list(cubic)) {
            for (Path p : files.toList()) {
                Files.copy(p, dir.resolve(p.getFileName()));
            }
        }
        Files.writeString(dir.resolve("bad.cif"), "data_bad\n_cell_length_a oops\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        List<ObjectNode> out = Inspect.inspectAll(dir, 1e-5, new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(out).filteredOn(o -> o.has("error")).singleElement()
                .satisfies(o -> assertThat(o.get("file").asText()).isEqualTo("bad.cif"));
        assertThat(out).filteredOn(o -> o.has("spacegroup")).hasSize(44);
        assertThat(out).filteredOn(o -> o.path("file").asText().equals("POSCAR-221")).singleElement()
                .satisfies(o -> assertThat(o.get("spacegroup").asInt()).isEqualTo(221));
        String text = err.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("reading " + dir.getFileName() + ": 0/45 reading structures: 0 failed",
                ": 45/45 reading structures: 1 failed", "45 files: 44 read (44 structures");
    }
}
