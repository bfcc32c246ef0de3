package dev.orion.analysis.symmetry;

import dev.orion.testdata.TestData;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orion.io.Structures;
import dev.orion.structure.Element;
import dev.orion.structure.Structure;
import dev.orion.structure.StructureBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The spglib POSCAR corpus of the shared test data, read with ORION's POSCAR reader and typed
 * the way spglib's reference answers were computed (one atom type per count group).
 */
final class PoscarCorpus {

    /** One corpus file with its structure and spglib's answers. */
    record Entry(String path, Structure structure, JsonNode spglib) {
    }

    private PoscarCorpus() {
    }

    static Path root() {
        return TestData.structures().resolve("poscar");
    }

    static List<Entry> load() {
        ObjectMapper json = new ObjectMapper();
        List<Entry> out = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(root())) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                for (String line : Files.readAllLines(dir.resolve("expected.jsonl"))) {
                    if (line.isBlank()) {
                        continue;
                    }
                    JsonNode rec = json.readTree(line);
                    Structure read = Structures.read(dir.resolve(rec.get("file").asText()));
                    out.add(new Entry(rec.get("path").asText(), typedByCountGroup(read, rec), rec.get("spglib")));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The same lattice and positions, with element Z = 1 + count-group index, as spglib was given. */
    static Structure typedByCountGroup(Structure s, JsonNode rec) {
        JsonNode counts = rec.get("type_counts");
        StructureBuilder b = Structure.builder().lattice(s.lattice());
        int site = 0;
        for (int g = 0; g < counts.size(); g++) {
            for (int k = 0; k < counts.get(g).asInt(); k++) {
                double[] f = s.frac(site++);
                b.addSite(Element.ofZ(1 + g), f[0], f[1], f[2]);
            }
        }
        return b.build();
    }
}
