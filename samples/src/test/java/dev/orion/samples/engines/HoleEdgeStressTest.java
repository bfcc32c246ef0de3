package dev.orion.samples.engines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hole-edge sample: nodal stresses survive the job store, near Kirsch's 3, and the deck reads back. */
class HoleEdgeStressTest {

    @Test
    void holeEdgeStressIsNearKirschAfterTheJobStore(@TempDir Path dir) throws Exception {
        boolean ccx = Files.isExecutable(Path.of("/usr/bin/ccx"));
        if (!ccx && "1".equals(System.getenv("ORION_REQUIRE_ENGINES"))) {
            throw new AssertionError("ccx is missing but ORION_REQUIRE_ENGINES=1 (run scripts/install-test-deps)");
        }
        assumeTrue(ccx, "ccx is missing: test skipped");
        HoleEdgeStress.Outcome o = HoleEdgeStress.run(dir);
        assertThat(o.concentration()).isBetween(2.9, 3.3);
        assertThat(o.nodes()).isEqualTo(2 * 17 * 25);
        assertThat(o.deckNodes()).isEqualTo(o.nodes());
    }
}
