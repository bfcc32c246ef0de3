package dev.orion.engines.calculix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orion.engine.continuum.ContinuumResult;
import dev.orion.engine.continuum.PrintedTable;
import dev.orion.engine.CalculationResult;
import dev.orion.engine.InputDeck;
import dev.orion.engine.Resources;
import dev.orion.engines.EngineRuns;
import dev.orion.engines.TestPrograms;
import dev.orion.engines.local.LocalExecutor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decks of Debian's {@code calculix-ccx-test} run through the raw-input path: every number ORION
 * parses from the run's {@code .dat} equals the number in the shipped {@code .dat.ref}, and the parser
 * drops none of the reference file's numbers. (These decks reproduce their references byte for
 * byte with ccx 2.20; others in the package differ in the last digits or in eigenvector signs.)
 */
class CalculixReferenceDecksTest {

    static final Path TESTS = Path.of("/usr/share/doc/calculix-ccx-test/examples/test");
    static final LocalExecutor LOCAL = LocalExecutor.builder().maxConcurrent(2).build();

    @TempDir
    Path dir;

    @AfterAll
    static void close() {
        LOCAL.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"c3d6", "truss", "achtel2", "cube2", "scheibe", "planestress", "planestress2", "axial", "spring1", "inistrain"})
    void everyParsedNumberMatchesTheShippedReference(String deck) throws Exception {
        TestPrograms.require("ccx");
        TestPrograms.requireFile(TESTS.resolve(deck + ".inp"));
        String reference = reference(deck);
        CalculationResult r = EngineRuns.run(CalculixEngine.builder().build(),
                InputDeck.of(Files.readString(TESTS.resolve(deck + ".inp"), StandardCharsets.ISO_8859_1)),
                LOCAL, dir, Resources.defaults());
        ContinuumResult ours = r.continuum().orElseThrow();
        ContinuumResult expected = DatFile.parse(reference);
        assertThat(ours.tables()).isNotEmpty();
        // the .dat's numbers; the .frd's nodal fields are FrdFileTest's
        assertThat(new ContinuumResult(ours.tables(), ours.frequencies())).isEqualTo(expected);
        assertThat(numbers(ours)).isEqualTo(numericTokensOfDataLines(reference)).isPositive();
    }

    static long numbers(ContinuumResult r) {
        return r.tables().stream().flatMap(t -> t.rows().stream())
                .mapToLong(row -> row.keys().size() + row.values().size()).sum()
                + 5L * r.frequencies().size();
    }

    /** Counts the numbers on every line of the file that holds only numbers (table rows). */
    static long numericTokensOfDataLines(String text) {
        return text.lines().map(String::trim).filter(l -> !l.isEmpty())
                .map(l -> l.split("\\s+"))
                .filter(t -> java.util.Arrays.stream(t).allMatch(x -> x.matches("-?[0-9.]+([eE]?[+-]?[0-9]+)?")))
                .mapToLong(t -> t.length).sum();
    }

    static String reference(String deck) throws IOException {
        Path plain = TESTS.resolve(deck + ".dat.ref");
        if (Files.isRegularFile(plain)) {
            return Files.readString(plain, StandardCharsets.ISO_8859_1);
        }
        Path gz = TESTS.resolve(deck + ".dat.ref.gz");
        TestPrograms.requireFile(gz);
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
