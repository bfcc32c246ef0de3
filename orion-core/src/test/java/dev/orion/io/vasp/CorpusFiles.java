package dev.orion.io.vasp;

import dev.orion.testdata.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The POSCARs of the corpus in {@code testdata/structures/poscar}. */
final class CorpusFiles {

    private CorpusFiles() {
    }

    static Path poscarRoot() {
        return TestData.structures().resolve("poscar");
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
