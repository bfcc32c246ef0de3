package dev.orion.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orion.testdata.TestData;
import dev.orion.progress.Progress;
import dev.orion.structure.Structure;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bulk reader over the 607 structure files of testdata/structures, with deliberately broken files added. */
class BulkReaderTest {

    static final int STRUCTURE_FILES = 607;
    static final List<String> BROKEN = List.of("broken/POSCAR-letters", "broken/empty.cif", "broken/garbage.cif",
            "broken/truncated.cif");

    @TempDir
    static Path dir;
    static Path corpus;
    static BulkReadResult folder;

    @BeforeAll
    static void copyTheCorpusAndBreakSomeFiles() throws IOException {
        corpus = dir.resolve("corpus");
        Path from = TestData.structures();
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                Path to = corpus.resolve(from.relativize(p).toString());
                Files.createDirectories(to.getParent());
                Files.copy(p, to);
            }
        }
        Path broken = Files.createDirectories(corpus.resolve("broken"));
        Files.writeString(broken.resolve("empty.cif"), "");
        Files.write(broken.resolve("garbage.cif"), new byte[] {0, 1, 2, (byte) 0xff, 3, 4});
        String cu = Files.readString(from.resolve("cif/gemmi").resolve(first(from.resolve("cif/gemmi"), ".cif")));
        Files.writeString(broken.resolve("truncated.cif"), cu.substring(0, cu.indexOf("_atom_site")));
        Files.writeString(broken.resolve("POSCAR-letters"), "Cu\nnot a number\n1 0 0\n0 1 0\n0 0 1\nCu\n1\nDirect\n0 0 0\n");
        folder = BulkReader.builder().threads(3).build().read(corpus);
    }

    private static String first(Path folder, String suffix) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(suffix)).sorted().findFirst().orElseThrow();
        }
    }

    @Test
    void readsEveryGoodFileListsEveryBrokenOneAndSkipsTheRest() {
        assertThat(folder.files()).hasSize(STRUCTURE_FILES);
        assertThat(folder.failures()).extracting(BulkReadResult.Failure::file).containsExactlyElementsOf(BROKEN);
        assertThat(folder.failures()).allSatisfy(f -> assertThat(f.message()).isNotBlank());
        assertThat(folder.failures().get(0).message()).contains("POSCAR-letters");
        assertThat(folder.skipped()).as("README.md, SOURCES.md and the expected.jsonl files").isEqualTo(14);
        assertThat(folder.attempted()).isEqualTo(STRUCTURE_FILES + BROKEN.size());
        assertThat(folder.threads()).isEqualTo(3);
        assertThat(folder.files()).extracting(BulkReadResult.FileResult::file).isSorted()
                .contains("poscar/cubic/POSCAR-195");
        assertThat(folder.structures()).hasSizeGreaterThanOrEqualTo(STRUCTURE_FILES);
        assertThat(folder.summary()).startsWith("611 files: 607 read (").contains("4 failed, 14 skipped", "on 3 threads");
    }

    @Test
    void eachFileGivesWhatReadingItAloneGives() {
        BulkReadResult.FileResult some = folder.files().get(123);
        ReadResult alone = Structures.readAll(corpus.resolve(some.file()));
        assertThat(some.result().structures()).isEqualTo(alone.structures());
    }

    @Test
    void zipAndTarGzArchivesGiveTheSameFilesAndFailuresAsTheFolder() throws IOException {
        Path zip = dir.resolve("corpus.zip");
        Path tgz = dir.resolve("corpus.tar.gz");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(corpus)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip));
             TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(Files.newOutputStream(tgz)))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Path p : files) {
                String name = corpus.relativize(p).toString();
                out.putNextEntry(new ZipEntry(name));
                Files.copy(p, out);
                out.closeEntry();
                TarArchiveEntry e = new TarArchiveEntry(p.toFile(), name);
                tar.putArchiveEntry(e);
                Files.copy(p, (OutputStream) tar);
                tar.closeArchiveEntry();
            }
        }
        for (Path archive : List.of(zip, tgz)) {
            List<Progress> heard = Collections.synchronizedList(new ArrayList<>());
            BulkReadResult r = Structures.readAll(archive, heard::add);
            assertThat(r.files()).as(archive.toString()).extracting(BulkReadResult.FileResult::file)
                    .containsExactlyElementsOf(folder.files().stream().map(BulkReadResult.FileResult::file).toList());
            assertThat(r.structures()).isEqualTo(folder.structures());
            assertThat(r.failures()).extracting(BulkReadResult.Failure::file).containsExactlyElementsOf(BROKEN);
            assertThat(r.skipped()).isEqualTo(14);
            assertThat(heard).hasSizeBetween(2, STRUCTURE_FILES + BROKEN.size() + 1);
            assertThat(heard.get(0)).isEqualTo(new Progress(0, 611, "reading structures: 0 failed"));
            assertThat(heard.get(heard.size() - 1)).isEqualTo(new Progress(611, 611, "reading structures: 4 failed"));
            assertThat(heard).extracting(Progress::done).isSorted().doesNotHaveDuplicates();
        }
    }

    @Test
    void oneThreadReadsTheSameAsSeveralAndASingleFileIsACollectionOfOne() throws IOException {
        Path small = Files.createDirectories(dir.resolve("small"));
        Files.copy(corpus.resolve("poscar/cubic/POSCAR-195"), small.resolve("POSCAR-195"));
        Files.writeString(small.resolve("notes.txt"), "not a structure", StandardCharsets.UTF_8);
        BulkReadResult one = BulkReader.builder().threads(1).build().read(small);
        assertThat(one.files()).singleElement().extracting(BulkReadResult.FileResult::file).isEqualTo("POSCAR-195");
        assertThat(one.skipped()).isEqualTo(1);
        BulkReadResult single = Structures.readAll(small.resolve("POSCAR-195"), p -> { });
        List<Structure> expected = List.of(Structures.read(small.resolve("POSCAR-195")));
        assertThat(single.structures()).isEqualTo(expected).isEqualTo(one.structures());
    }

    @Test
    void rejectsAMissingSourceAndNoThreads() {
        assertThatThrownBy(() -> BulkReader.builder().build().read(dir.resolve("nothing-here")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nothing-here");
        assertThatThrownBy(() -> BulkReader.builder().threads(0)).hasMessageContaining("threads must be >= 1, got 0");
        assertThatThrownBy(() -> Structures.readAll(dir)).hasMessageContaining("Structures.readAll(folder, progress)");
    }
}
