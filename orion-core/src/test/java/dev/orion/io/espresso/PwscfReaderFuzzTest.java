package dev.orion.io.espresso;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.orion.StructureParseException;
import dev.orion.io.ReadOptions;
import dev.orion.io.ReadResult;
import dev.orion.io.internal.SourceText;
import dev.orion.structure.Structure;
import java.nio.charset.StandardCharsets;

/**
 * Fuzzes the pw.x input reader: the only exception any input may cause is
 * {@link StructureParseException}; whatever it reads, the writer writes and the reader reads back
 * to the same structure. Seeds: {@code PwscfReaderFuzzTestInputs/fuzz} (the real silicon inputs and
 * hand-written edge cases). Fuzz for real with {@code JAZZER_FUZZ=1 ./mvnw -q -pl orion-core -am test
 * -Dtest=PwscfReaderFuzzTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class PwscfReaderFuzzTest {

    private static final ReadOptions OPTIONS = ReadOptions.builder().maxSites(100_000).build();

    @FuzzTest(maxDuration = "2m")
    void fuzz(byte[] data) {
        ReadResult result;
        try {
            result = new PwscfReader().read(SourceText.of("fuzz", new String(data, StandardCharsets.UTF_8)), OPTIONS);
        } catch (StructureParseException expected) {
            return;
        }
        assertThat(result.structures()).hasSize(1);
        Structure s = result.structures().get(0);
        Structure back = new PwscfReader().read(SourceText.of("rewritten", new PwscfWriter().write(s)), OPTIONS)
                .structures().get(0);
        assertThat(back.size()).isEqualTo(s.size());
        assertThat(back.composition()).isEqualTo(s.composition());
    }
}
