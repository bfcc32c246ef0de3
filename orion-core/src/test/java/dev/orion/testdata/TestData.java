package dev.orion.testdata;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real files under the project's {@code testdata/} folder (structure corpus, engine samples).
 * Tests run with the module folder as working directory; the build passes the folder's absolute
 * path as the system property {@code orion.testdata}.
 */
public final class TestData {

    private TestData() {
    }

    /** @return {@code testdata/} of this checkout */
    public static Path root() {
        Path path = Path.of(System.getProperty("orion.testdata", "../testdata"));
        if (!Files.isDirectory(path)) {
            throw new IllegalStateException("test data not found at " + path.toAbsolutePath()
                    + "; run the tests from the project (./mvnw verify) or set -Dorion.testdata");
        }
        return path;
    }

    /** @return {@code testdata/structures} (POSCAR and CIF corpus with reference answers) */
    public static Path structures() {
        return root().resolve("structures");
    }

    /** @return {@code testdata/engine-samples} (real LAMMPS and pw.x inputs and outputs) */
    public static Path engineSamples() {
        return root().resolve("engine-samples");
    }

    /** @return {@code testdata/materials-project} (Materials Project API envelopes and error bodies) */
    public static Path materialsProject() {
        return root().resolve("materials-project");
    }
}
