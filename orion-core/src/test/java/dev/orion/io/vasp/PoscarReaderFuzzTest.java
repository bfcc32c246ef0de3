package dev.orion.io.vasp;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.orion.StructureParseException;
import dev.orion.io.ReadOptions;
import dev.orion.io.ReadResult;
import dev.orion.io.internal.SourceText;
import dev.orion.structure.Structure;
import java.nio.charset.StandardCharsets;

/**
 * Fuzzes the POSCAR reader: the only exception any input may cause is
 * {@link StructureParseException}, and whatever it reads, the writer writes and the reader reads
 * back to the same structure. Seeds: {@code PoscarReaderFuzzTestInputs/fuzz}. Fuzz for real with
 * {@code JAZZER_FUZZ=1 ./mvnw -pl orion-core -am test -Dtest=PoscarReaderFuzzTest
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class PoscarReaderFuzzTest {

    private static final ReadOptions OPTIONS = ReadOptions.builder().maxSites(100_000).build();

    @FuzzTest
    void fuzz(byte[] data) {
        ReadResult result;
        try {
            result = new PoscarReader().read(SourceText.of("fuzz", new String(data, StandardCharsets.UTF_8)), OPTIONS);
        } catch (StructureParseException expected) {
            return;
        }
        assertThat(result.structures()).hasSize(1);
        Structure s = result.structures().get(0);
        Structure back = new PoscarReader().read(SourceText.of("rewritten", new PoscarWriter().write(s)), OPTIONS)
                .structures().get(0);
        assertThat(back.almostEquals(s, 0)).isTrue();
    }
}
