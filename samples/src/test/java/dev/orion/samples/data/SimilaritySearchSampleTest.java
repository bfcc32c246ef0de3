package dev.orion.samples.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orion.features.SimilarityMatch;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sample's rock-salt queries find NaCl first in the embedded store, and the store keeps the index. */
class SimilaritySearchSampleTest {

    @Test
    void rockSaltsFindNaClAcrossChemistry(@TempDir Path out) {
        Map<String, List<SimilarityMatch>> found = SimilaritySearchSample.search(out);

        for (List<SimilarityMatch> matches : found.values()) {
            assertThat(matches).hasSize(3);
            assertThat(matches.get(0).id()).isEqualTo("mp-22862");
            assertThat(matches.get(0).distance()).isLessThan(0.01);
            assertThat(matches.get(1).distance()).isGreaterThan(0.05);
        }
        // a second run on the same folder replaces the five entries, it does not add more
        assertThat(SimilaritySearchSample.search(out).get("MgO")).extracting(SimilarityMatch::id)
                .isEqualTo(found.get("MgO").stream().map(SimilarityMatch::id).toList());
    }
}
