package dev.orion.io.cif;

import dev.orion.testdata.TestData;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orion.io.ReadOptions;
import dev.orion.io.ReadResult;
import dev.orion.io.ReadWarning;
import dev.orion.io.Structures;
import dev.orion.structure.Element;
import dev.orion.structure.Species;
import dev.orion.structure.Structure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Site-by-site comparison of every CIF of the shared corpus with gemmi's unit-cell sites in
 * {@code expected.jsonl} (element, wrapped position, occupancy), at the default merge distance and
 * at gemmi's 0.4 Å; plus the files the brief singles out.
 */
class CifCorpusTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Path cifFolder() {
        return TestData.structures().resolve("cif");
    }

    static List<JsonNode> records() throws IOException {
        List<JsonNode> all = new ArrayList<>();
        for (String folder : List.of("gemmi", "pymatgen")) {
            for (String line : Files.readAllLines(cifFolder().resolve(folder).resolve("expected.jsonl"))) {
                if (!line.isBlank()) {
                    all.add(JSON.readTree(line));
                }
            }
        }
        return all;
    }

    @TestFactory
    Stream<DynamicTest> everySiteMatchesGemmi() throws IOException {
        return records().stream().flatMap(rec -> Stream.of(ReadOptions.defaults().mergeDistance(), 0.4)
                .map(d -> DynamicTest.dynamicTest(rec.get("path").asText() + " at " + d + " Å", () -> {
                    Structure s = Structures.read(cifFolder().getParent().resolve(rec.get("path").asText()),
                            ReadOptions.builder().mergeDistance(d).build());
                    JsonNode symops = rec.get("gemmi_symops");
                    JsonNode reference = symops != null && symops.has("unit_cell_sites") ? symops : rec.get("gemmi");
                    assertMatches(s, reference.get("unit_cell_sites"));
                })));
    }

    /** Each ORION site equals the gemmi sites at its position: same elements, same occupancies. */
    private static void assertMatches(Structure s, JsonNode gemmiSites) {
        List<Map<Element, Double>> expected = new ArrayList<>();
        List<double[]> where = new ArrayList<>();
        for (JsonNode g : gemmiSites) {
            double[] p = {g.get(2).asDouble(), g.get(3).asDouble(), g.get(4).asDouble()};
            int at = indexOf(where, p);
            if (at < 0) {
                where.add(p);
                expected.add(new HashMap<>());
                at = where.size() - 1;
            }
            expected.get(at).merge(Element.of(g.get(1).asText()), g.get(5).asDouble(), Double::sum);
        }
        assertThat(s.size()).isEqualTo(where.size());
        boolean[] used = new boolean[where.size()];
        for (int i = 0; i < s.size(); i++) {
            int at = indexOf(where, s.frac(i));
            assertThat(at).as("gemmi has a site at %s", java.util.Arrays.toString(s.frac(i))).isGreaterThanOrEqualTo(0);
            assertThat(used[at]).as("two ORION sites at one gemmi position").isFalse();
            used[at] = true;
            Map<Element, Double> actual = new HashMap<>();
            s.speciesAt(i).forEach((sp, occ) -> actual.merge(sp.element(), occ, Double::sum));
            assertThat(actual.keySet()).isEqualTo(expected.get(at).keySet());
            actual.forEach((e, occ) -> assertThat(occ).as("occupancy of %s", e).isCloseTo(expected.get(at).get(e), within(2e-6)));
        }
    }

    private static int indexOf(List<double[]> positions, double[] p) {
        for (int i = 0; i < positions.size(); i++) {
            double[] q = positions.get(i);
            boolean same = true;
            for (int k = 0; k < 3 && same; k++) {
                double d = p[k] - q[k];
                same = Math.abs(d - Math.rint(d)) <= 2e-5;
            }
            if (same) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void listedOperatorsWinInP24Ru4WithWarnings() {
        ReadResult result = Structures.readAll(cifFolder().resolve("pymatgen/P24Ru4H252C296S24N16.cif"));
        Structure s = result.structures().get(0);
        assertThat(s.size()).isEqualTo(616);
        assertThat(s.composition().amount(Element.Ru)).isEqualTo(4.0);
        assertThat(result.warnings()).extracting(ReadWarning::message)
                .anyMatch(m -> m.contains("8 operations of which 4 are distinct"))
                .anyMatch(m -> m.contains("(P 1 2/c 1) differ from the 8 of H-M symbol 'C 1 2/c 1'"));
    }

    @Test
    void superflatCellIsReadWithAWarning() {
        ReadResult result = Structures.readAll(cifFolder().resolve("pymatgen/bad_superflat_inf_loop.cif"));
        Structure s = result.structures().get(0);
        assertThat(s.size()).isEqualTo(24);
        assertThat(s.lattice().volume()).isCloseTo(9.076356277e-07, within(1e-13));
        assertThat(result.warnings()).extracting(ReadWarning::message).anyMatch(m -> m.contains("nearly flat"));
    }

    @Test
    void upperCaseTypeSymbolsAndMixedAlNbSitesInCod2100513() {
        Structure s = Structures.read(cifFolder().resolve("pymatgen/Cod_2100513.cif"));
        assertThat(s.composition().amount(Element.Ca)).isEqualTo(4.0);
        assertThat(s.size()).isEqualTo(20);
        long mixed = s.sites().stream().filter(site -> site.species().size() == 2).count();
        assertThat(mixed).isEqualTo(4);
        assertThat(s.sites().stream().filter(site -> site.label().equals("Al1")).findFirst().orElseThrow().species())
                .containsEntry(Species.of(Element.Al), 0.941).containsEntry(Species.of(Element.Nb), 0.059);
    }

    @Test
    void inAndSnShareOneSiteIn4003024() {
        Structure s = Structures.read(cifFolder().resolve("gemmi/4003024.cif"));
        assertThat(s.size()).isEqualTo(5);
        assertThat(s.sites()).filteredOn(site -> site.species().size() == 2).singleElement()
                .satisfies(site -> {
                    assertThat(site.species()).containsEntry(Species.of(Element.Sn), 0.9)
                            .containsEntry(Species.of(Element.In), 0.0672);
                    assertThat(site.frac()).containsExactly(0.5, 0.5, 0.5);
                });
    }

    @TestFactory
    Stream<DynamicTest> everyCorpusFileSurvivesWriteAndRead() throws IOException {
        return records().stream().map(rec -> DynamicTest.dynamicTest(rec.get("path").asText(), () -> {
            Structure s = Structures.read(cifFolder().getParent().resolve(rec.get("path").asText()));
            String text = new CifWriter().write(s);
            Structure back = Structures.read(text, dev.orion.structure.StructureFormat.CIF);
            assertThat(back.almostEquals(s, 1e-8)).as("round trip of %s", rec.get("path").asText()).isTrue();
            for (int i = 0; i < s.size(); i++) {
                // Images of one atom site share its label; the writer makes labels unique (Si1, Si1_1, ...).
                assertThat(back.label(i)).startsWith(s.label(i));
                assertThat(back.speciesAt(i)).isEqualTo(s.speciesAt(i));
            }
        }));
    }
}
