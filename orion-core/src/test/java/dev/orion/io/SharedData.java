package dev.orion.io;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the shared test data beside the project (system property {@code orion.shared.dir}). */
final class SharedData {

    private SharedData() {
    }

    static Path structures() {
        String dir = System.getProperty("orion.shared.dir", System.getenv().getOrDefault("ORION_SHARED_DIR", "../../shared"));
        Path path = Path.of(dir, "data", "structures");
        if (!Files.isDirectory(path)) {
            throw new IllegalStateException("shared structure data not found at " + path.toAbsolutePath()
                    + "; set -Dorion.shared.dir to the shared/ folder");
        }
        return path;
    }
}
