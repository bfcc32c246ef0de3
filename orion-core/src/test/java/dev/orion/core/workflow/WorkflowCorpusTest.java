package dev.orion.core.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus under {@code src/test/resources/workflows}: every invalid file fails with exactly the problems
 * (position and message) of its {@code .expected} file; every valid file loads, with exactly the warnings of its
 * {@code .expected} file if it has one.
 */
class WorkflowCorpusTest {

    private static final Path CORPUS = Path.of("src/test/resources/workflows");
    private static final WorkflowLoader LOADER = WorkflowLoader.standard();

    static Stream<Path> invalid() throws IOException {
        return files("invalid");
    }

    static Stream<Path> valid() throws IOException {
        return files("valid");
    }

    private static Stream<Path> files(String folder) throws IOException {
        return Files.list(CORPUS.resolve(folder)).filter(p -> !p.toString().endsWith(".expected")).sorted();
    }

    @ParameterizedTest
    @MethodSource("invalid")
    void invalidFilesFailWithExactlyTheExpectedProblems(Path file) throws IOException {
        ImportResult r = LOADER.load(file);
        assertThat(r.status()).isEqualTo(ImportResult.Status.FAILED);
        assertThat(r.workflow()).isEmpty();
        assertThat(render(r, file)).containsExactlyElementsOf(expected(file));
    }

    @ParameterizedTest
    @MethodSource("valid")
    void validFilesLoadWithExactlyTheExpectedWarnings(Path file) throws IOException {
        ImportResult r = LOADER.load(file);
        List<String> expected = expected(file);
        assertThat(render(r, file)).containsExactlyElementsOf(expected);
        assertThat(r.status()).isEqualTo(expected.isEmpty() ? ImportResult.Status.COMPLETED : ImportResult.Status.COMPLETED_WITH_WARNINGS);
        assertThat(r.workflow()).isPresent();
    }

    private static List<String> render(ImportResult r, Path file) {
        return r.problems().stream().map(p -> {
            assertThat(p.file()).isEqualTo(file.toString());
            return p.toString().substring(file.toString().length() + 1);
        }).toList();
    }

    private static List<String> expected(Path file) throws IOException {
        String name = file.getFileName().toString();
        Path exp = file.resolveSibling(name.substring(0, name.lastIndexOf('.')) + (name.endsWith(".json") ? "-json" : "") + ".expected");
        return Files.exists(exp) ? Files.readAllLines(exp, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList() : List.of();
    }
}
