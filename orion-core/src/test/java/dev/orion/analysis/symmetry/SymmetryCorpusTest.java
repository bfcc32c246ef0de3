package dev.orion.analysis.symmetry;

import dev.orion.symmetry.SymmetryDataset;
import dev.orion.symmetry.SymmetryException;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ORION's space groups against spglib 2.0.2's on the 592 POSCAR files of spglib's own test data,
 * at symprec 1e-5 and 1e-3 Å: at least 99.5% must agree, and every difference is listed.
 */
class SymmetryCorpusTest {

    private static final Logger LOG = LoggerFactory.getLogger(SymmetryCorpusTest.class);
    private static List<PoscarCorpus.Entry> corpus;

    @BeforeAll
    static void load() {
        corpus = PoscarCorpus.load();
    }

    @Test
    void corpusIsComplete() {
        assertThat(corpus).hasSize(592);
    }

    @Test
    void agreesWithSpglibAt1e5() {
        checkAgreement("1e-05", 1e-5);
    }

    @Test
    void agreesWithSpglibAt1e3() {
        checkAgreement("0.001", 1e-3);
    }

    @Test
    void distortedFilesAgreeWithSpglibAtALooseTolerance() {
        int compared = 0;
        for (PoscarCorpus.Entry e : corpus) {
            JsonNode ref = e.spglib().get("0.1");
            if (ref == null) {
                continue;
            }
            compared++;
            SymmetryDataset d = Symmetry.of(e.structure(), 0.1);
            assertThat(d.spaceGroupNumber()).as(e.path()).isEqualTo(ref.get("number").asInt());
            assertThat(d.operations()).as(e.path()).hasSize(ref.get("n_operations").asInt());
        }
        assertThat(compared).isEqualTo(8);
    }

    @Test
    void wyckoffLettersAndSiteSymmetryAgreeWithSpglib() throws java.io.IOException {
        java.util.Map<String, PoscarCorpus.Entry> byPath = new java.util.HashMap<>();
        corpus.forEach(e -> byPath.put(e.path(), e));
        List<String> differences = new ArrayList<>();
        List<String> notARenaming = new ArrayList<>();
        int compared = 0;
        try (var in = SymmetryCorpusTest.class.getResourceAsStream("spglib-wyckoffs.tsv")) {
            for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                SymmetryDataset d = Symmetry.of(byPath.get(f[0]).structure(), Double.parseDouble(f[1]));
                String letters = String.join("", d.wyckoffLetters());
                String sites = String.join(" ", d.siteSymmetrySymbols());
                compared++;
                if (!isRenaming(letters, f[2])) {
                    notARenaming.add(f[0] + " at " + f[1]);
                }
                if (!letters.equals(f[2]) || !sites.equals(f[3])) {
                    differences.add(f[0] + " at " + f[1] + ": ORION " + letters + " [" + sites + "], spglib " + f[2]
                            + " [" + f[3] + "]");
                }
            }
        }
        differences.forEach(d -> LOG.info("Wyckoff difference: {}", d));
        LOG.info("Wyckoff letters and site symmetry equal to spglib's on {}/{} analyses", compared - differences.size(),
                compared);
        assertThat(compared).isEqualTo(2 * 592);
        // where the letters differ, spglib chose another of the equivalent origins or axes: the
        // letters are then a one-to-one renaming of ORION's
        assertThat(notARenaming).isEmpty();
        assertThat(1 - differences.size() / (double) compared).isGreaterThanOrEqualTo(0.90);
    }

    /** True if {@code b} is {@code a} with its letters renamed one to one. */
    private static boolean isRenaming(String a, String b) {
        if (a.length() != b.length()) {
            return false;
        }
        java.util.Map<Character, Character> forward = new java.util.HashMap<>();
        java.util.Map<Character, Character> backward = new java.util.HashMap<>();
        for (int i = 0; i < a.length(); i++) {
            Character x = forward.putIfAbsent(a.charAt(i), b.charAt(i));
            Character y = backward.putIfAbsent(b.charAt(i), a.charAt(i));
            if ((x != null && x != b.charAt(i)) || (y != null && y != a.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static void checkAgreement(String key, double symprec) {
        List<String> differences = new ArrayList<>();
        int opsDiffer = 0;
        for (PoscarCorpus.Entry e : corpus) {
            JsonNode ref = e.spglib().get(key);
            String got;
            int gotOps = -1;
            try {
                SymmetryDataset d = Symmetry.of(e.structure(), symprec);
                got = d.spaceGroupNumber() + " " + d.spaceGroupSymbol() + " (hall " + d.hallNumber() + ")";
                gotOps = d.operations().size();
                if (ref.has("number") && ref.get("number").asInt() == d.spaceGroupNumber()
                        && ref.get("hall_number").asInt() == d.hallNumber()) {
                    if (ref.get("n_operations").asInt() != gotOps) {
                        opsDiffer++;
                        LOG.info("{} at {}: {} operations, spglib {}", e.path(), key, gotOps, ref.get("n_operations"));
                    }
                    continue;
                }
            } catch (SymmetryException ex) {
                got = "error: " + ex.getMessage();
                if (ref.has("error")) {
                    continue;
                }
            }
            differences.add(e.path() + " at " + key + ": ORION " + got + ", spglib " + ref);
        }
        differences.forEach(d -> LOG.info("difference: {}", d));
        double agreement = 1 - differences.size() / (double) corpus.size();
        LOG.info("agreement with spglib at symprec {}: {}/{} = {}%; operation counts differ on {}", key,
                corpus.size() - differences.size(), corpus.size(), 100 * agreement, opsDiffer);
        assertThat(agreement).as("agreement at %s; differences: %s", key, differences).isGreaterThanOrEqualTo(0.995);
    }
}
