package dev.orion.io.cif;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.orion.StructureParseException;
import dev.orion.io.ReadOptions;
import dev.orion.io.ReadResult;
import dev.orion.io.internal.SourceText;
import dev.orion.structure.Structure;
import java.nio.charset.StandardCharsets;

/**
 * Jazzer fuzz test of {@link CifReader}: any input either reads or fails with
 * {@link StructureParseException}; every other throwable is a bug. Under {@code ./mvnw verify} it
 * runs the seeds in {@code CifReaderFuzzTestInputs/read}; fuzz for real with
 * {@code JAZZER_FUZZ=1 ./mvnw -q -pl orion-core -am test -Dtest=CifReaderFuzzTest
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class CifReaderFuzzTest {

    /** Keeps expansions small so that fuzzing spends its time on parsing. */
    private static final ReadOptions OPTIONS = ReadOptions.builder().maxSites(20_000).build();

    @FuzzTest(maxDuration = "2m")
    void read(byte[] data) {
        String text = new String(data, StandardCharsets.ISO_8859_1);
        ReadResult result;
        try {
            result = new CifReader().read(SourceText.of("fuzz.cif", text), OPTIONS);
        } catch (StructureParseException expected) {
            assertThat(expected.line()).isBetween(0, text.length() + 1);
            return;
        }
        assertThat(result.structures()).isNotEmpty();
        for (Structure s : result.structures()) {
            assertThat(s.size()).isBetween(1, OPTIONS.maxSites());
            for (int i = 0; i < s.size(); i++) {
                assertThat(s.fracX(i)).isBetween(0.0, 1.0);
            }
        }
    }
}
