package dev.orion.engines;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;

/** Test support: real programs, skipped when missing unless {@code ORION_REQUIRE_ENGINES=1}. */
public final class TestPrograms {

    private TestPrograms() {
    }

    /** @param program a program that the test runs; skips (or fails under ORION_REQUIRE_ENGINES=1) if missing */
    public static void require(String program) {
        boolean present = ProgramVersion.find(program).isPresent();
        if (!present && "1".equals(System.getenv("ORION_REQUIRE_ENGINES"))) {
            fail(program + " is not installed but ORION_REQUIRE_ENGINES=1 (run scripts/install-test-deps)");
        }
        assumeTrue(present, program + " is not installed: test skipped (set ORION_REQUIRE_ENGINES=1 to fail instead)");
    }

    /** @param file a path that must exist (e.g. a LAMMPS potential); same skip rule as {@link #require} */
    public static void requireFile(Path file) {
        boolean present = java.nio.file.Files.isReadable(file);
        if (!present && "1".equals(System.getenv("ORION_REQUIRE_ENGINES"))) {
            fail(file + " is missing but ORION_REQUIRE_ENGINES=1 (run scripts/install-test-deps)");
        }
        assumeTrue(present, file + " is missing: test skipped");
    }

    /** @return {@code testdata/engine-samples}: real inputs and outputs of lmp and pw.x */
    public static Path samples() {
        return testdata().resolve("engine-samples");
    }

    /** @return {@code testdata/potentials}: potential files shipped with the repository */
    public static Path potentials() {
        return testdata().resolve("potentials");
    }

    /** @return {@code testdata/pfhub}: free-energy curves uploaded to NIST's PFHub */
    public static Path pfhub() {
        return testdata().resolve("pfhub");
    }

    private static Path testdata() {
        return Path.of(System.getProperty("orion.testdata", "../testdata"));
    }
}
