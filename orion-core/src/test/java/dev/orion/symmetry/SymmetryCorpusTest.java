package dev.orion.symmetry;

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
