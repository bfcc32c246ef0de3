package dev.orion.io.vasp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The POSCARs of the shared corpus (system property {@code orion.shared.dir}). */
final class CorpusFiles {

    private CorpusFiles() {
    }

    static Path poscarRoot() {
        String dir = System.getProperty("orion.shared.dir", System.getenv().getOrDefault("ORION_SHARED_DIR", "../../shared"));
        Path path = Path.of(dir, "data", "structures", "poscar");
        if (!Files.isDirectory(path)) {
            throw new IllegalStateException("shared POSCAR corpus not found at " + path.toAbsolutePath()
                    + "; set -Dorion.shared.dir to the shared/ folder");
        }
        return path;
    }

    static Stream<Path> poscars() throws IOException {
        try (Stream<Path> files = Files.walk(poscarRoot())) {
            List<Path> list = files.filter(p -> p.getFileName().toString().startsWith("POSCAR")).sorted().toList();
            if (list.size() != 592) {
                throw new IllegalStateException("expected 592 POSCARs in the corpus, found " + list.size());
            }
            return list.stream();
        }
    }
}
