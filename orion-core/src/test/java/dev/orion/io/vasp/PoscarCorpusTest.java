package dev.orion.io.vasp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orion.io.ReadResult;
import dev.orion.io.Structures;
import dev.orion.structure.Element;
import dev.orion.structure.Structure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The POSCAR reader against the reference reading in the corpus's {@code expected.jsonl}, for what
 * the shared {@code StructureCorpusTest} does not check: the element of every count group, the
 * warnings, the title, the coordinate mode.
 */
class PoscarCorpusTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void layer78IsVasp5WithCartesianPositions() {
        ReadResult r = Structures.readAll(CorpusFiles.poscarRoot().resolve("layer/POSCAR-78"));
        assertThat(r.warnings()).isEmpty();
        Structure s = r.structures().get(0);
        assertThat(s.composition().amount(Element.Mo)).isEqualTo(1.0);
        assertThat(s.composition().amount(Element.S)).isEqualTo(2.0);
        assertThat(s.site(0).z()).isCloseTo(11.595 / 23.19, within(1e-15));
        // (1.59, 0.9179869..) is (1/3, 2/3) of the hexagonal cell with a = 3.18
        assertThat(s.site(1).x()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(s.site(1).y()).isCloseTo(1.0 / 3, within(1e-9));
        assertThat(s.site(2).z()).isCloseTo(10.0 / 23.19, within(1e-15));
    }

    @TestFactory
    Stream<DynamicTest> everyPoscarHasTheReferenceSpeciesAndWarnings() throws IOException {
        Path root = CorpusFiles.poscarRoot();
        List<JsonNode> records = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(f -> f.getFileName().toString().equals("expected.jsonl")).sorted().toList()) {
                for (String line : Files.readAllLines(p)) {
                    if (!line.isBlank()) {
                        records.add(JSON.readTree(line));
                    }
                }
            }
        }
        assertThat(records).hasSize(592);
        return records.stream().map(rec -> DynamicTest.dynamicTest(rec.get("path").asText(), () -> {
            ReadResult r = Structures.readAll(root.getParent().resolve(rec.get("path").asText()));
            Structure s = r.structures().get(0);
            assertThat(s.properties()).containsEntry("title", rec.get("title").asText());
            JsonNode counts = rec.get("type_counts");
            JsonNode names = rec.get("vasp_format").asInt() == 5 ? rec.get("species")
                    : rec.get("species_from_site_comments");
            boolean placeholders = names.isNull();
            int site = 0;
            for (int g = 0; g < counts.size(); g++) {
                Element expected = placeholders ? Element.ofZ(g + 1) : Element.of(names.get(g).asText());
                for (int k = 0; k < counts.get(g).asInt(); k++, site++) {
                    assertThat(s.site(site).specie().element()).as("site %d", site).isEqualTo(expected);
                }
            }
            long placeholderWarnings = r.warnings().stream().filter(w -> w.message().contains("placeholder")).count();
            assertThat(placeholderWarnings).isEqualTo(placeholders ? 1 : 0);
            long trailingWarnings = r.warnings().stream().filter(w -> w.message().contains("non-blank line")).count();
            assertThat(trailingWarnings).isEqualTo(rec.get("trailing_nonblank_lines").asInt() > 0 ? 1 : 0);
            assertThat(r.warnings()).hasSize((int) (placeholderWarnings + trailingWarnings));
        }));
    }
}
