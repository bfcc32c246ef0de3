package dev.orion.samples.multiscale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The copper chain: EAM elastic constants, then a CalculiX plate whose hole concentrates the stress as Lekhnitskii says. */
class CopperPlateWithHoleTest {

    static final Path POTENTIALS = Path.of(System.getProperty("orion.testdata", "../testdata"), "potentials");

    @Test
    void anisotropicCopperConcentratesStressAsLekhnitskiiSays(@TempDir Path dir) throws Exception {
        boolean ccx = Files.isExecutable(Path.of("/usr/bin/ccx"));
        if (!ccx && "1".equals(System.getenv("ORION_REQUIRE_ENGINES"))) {
            throw new AssertionError("ccx is missing but ORION_REQUIRE_ENGINES=1 (run scripts/install-test-deps)");
        }
        assumeTrue(ccx, "ccx is missing: test skipped");
        CopperPlateWithHole.Outcome o = CopperPlateWithHole.run(dir, POTENTIALS);
        assertThat(o.constants().anisotropy()).isGreaterThan(2);
        // copper is soft along [100] and stiff in shear: the factor falls below an isotropic plate's 3
        assertThat(o.lekhnitskii()).isBetween(2.0, 2.9);
        assertThat(o.concentration()).isCloseTo(o.lekhnitskii(), org.assertj.core.api.Assertions.within(0.08 * o.lekhnitskii()));
        assertThat(o.constants().jobs()).hasSize(4);
    }
}
