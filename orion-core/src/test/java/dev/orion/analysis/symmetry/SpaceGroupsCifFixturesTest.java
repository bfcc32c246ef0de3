package dev.orion.analysis.symmetry;

import dev.orion.symmetry.SpaceGroupType;
import dev.orion.symmetry.SymmetryOperation;

import dev.orion.testdata.TestData;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The shared CIF fixtures and what gemmi made of them ({@code expected.jsonl}): the space group
 * that ORION finds from each file's H-M symbol, and from its list of operations, must be gemmi's.
 */
class SpaceGroupsCifFixturesTest {

    private static final Pattern ROW_ID = Pattern.compile("^-?\\d+\\s+");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path cifDir() {
        return TestData.structures().resolve("cif");
    }

    private static List<JsonNode> expectations() throws IOException {
        List<JsonNode> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(cifDir())) {
            for (Path dir : files.filter(Files::isDirectory).sorted().toList()) {
                Path expected = dir.resolve("expected.jsonl");
                if (Files.exists(expected)) {
                    for (String line : Files.readAllLines(expected, StandardCharsets.UTF_8)) {
                        if (!line.isBlank()) {
                            out.add(JSON.readTree(line));
                        }
                    }
                }
            }
        }
        return out;
    }

    @Test
    void hermannMauguinSymbolsOfTheFilesResolveAsGemmiDoes() throws IOException {
        int checked = 0;
        for (JsonNode record : expectations()) {
            JsonNode gemmi = record.path("gemmi");
            if (!gemmi.path("spacegroup_hm_in_file").isTextual() || !gemmi.path("spacegroup").isObject()) {
                continue;
            }
            String inFile = gemmi.path("spacegroup_hm_in_file").asText();
            int number = gemmi.path("spacegroup").path("number").asInt();
            String gemmiHm = gemmi.path("spacegroup").path("hm").asText();
            assertThat(SpaceGroups.byHermannMauguin(inFile)).as(record.path("file").asText() + " " + inFile)
                    .map(SpaceGroupType::number).hasValue(number);
            assertThat(SpaceGroups.byHermannMauguin(gemmiHm)).as(gemmiHm)
                    .map(SpaceGroupType::number).hasValue(number);
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(10);
    }

    @Test
    void operationListsOfTheFilesIdentifyTheGroupGemmiFindsFromThem() throws IOException {
        int checked = 0;
        for (JsonNode record : expectations()) {
            JsonNode symops = record.path("gemmi_symops");
            if (!symops.path("tag").isTextual() || !symops.path("spacegroup").isObject()) {
                continue;
            }
            Path cif = cifDir().resolve(Path.of(record.path("path").asText()).subpath(1, 3));
            List<SymmetryOperation> ops = operationLoop(Files.readAllLines(cif, StandardCharsets.ISO_8859_1),
                    symops.path("tag").asText());
            assertThat(ops).as(cif.toString()).hasSize(symops.path("n_listed").asInt());
            assertThat(SpaceGroups.byOperations(ops)).as(cif.toString())
                    .map(SpaceGroupType::number).hasValue(symops.path("spacegroup").path("number").asInt());
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(10);
    }

    /**
     * Reads the values of the operation column of the fixture files' symmetry loop; enough for
     * these files (one value per row, optionally after an integer id), not a CIF parser.
     */
    private static List<SymmetryOperation> operationLoop(List<String> lines, String tag) {
        int i = 0;
        while (!lines.get(i).strip().equals(tag)) {
            i++;
        }
        i++;
        while (lines.get(i).strip().startsWith("_")) {
            i++;
        }
        List<SymmetryOperation> ops = new ArrayList<>();
        for (; i < lines.size(); i++) {
            String value = ROW_ID.matcher(lines.get(i).strip()).replaceFirst("").replace("'", "").strip();
            if (value.isEmpty() || value.startsWith("loop_") || value.startsWith("_") || value.startsWith("#")) {
                break;
            }
            ops.add(SymmetryOperation.parse(value));
        }
        return ops;
    }
}
