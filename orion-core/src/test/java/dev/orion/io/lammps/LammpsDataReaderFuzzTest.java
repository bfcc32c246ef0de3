package dev.orion.io.lammps;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.orion.StructureParseException;
import dev.orion.io.ReadOptions;
import dev.orion.io.ReadResult;
import dev.orion.io.internal.SourceText;
import dev.orion.structure.Structure;
import java.nio.charset.StandardCharsets;

/**
 * Fuzzes the LAMMPS data reader: the only exception any input may cause is
 * {@link StructureParseException}; whatever it reads, the writer writes and the reader reads back
 * with the same number of sites and species (or the writer refuses a cell beyond double precision,
 * the one documented refusal). Seeds: {@code LammpsDataReaderFuzzTestInputs/fuzz}
 * (the real {@code cu32.data} and hand-written edge cases). Fuzz for real with
 * {@code JAZZER_FUZZ=1 ./mvnw -q -pl orion-core -am test -Dtest=LammpsDataReaderFuzzTest
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class LammpsDataReaderFuzzTest {

    private static final ReadOptions OPTIONS = ReadOptions.builder().maxSites(100_000).build();

    @FuzzTest(maxDuration = "2m")
    void fuzz(byte[] data) {
        ReadResult result;
        try {
            result = new LammpsDataReader().read(SourceText.of("fuzz", new String(data, StandardCharsets.UTF_8)), OPTIONS);
        } catch (StructureParseException expected) {
            return;
        }
        assertThat(result.structures()).hasSize(1);
        Structure s = result.structures().get(0);
        for (int i = 0; i < s.size(); i++) {
            for (double f : s.frac(i)) {
                assertThat(f).isBetween(0.0, 1.0).isLessThan(1.0);
            }
        }
        String written;
        try {
            written = new LammpsDataWriter().write(s);
        } catch (IllegalArgumentException e) {
            // the one documented refusal: a cell beyond double precision (lengths near 1e308, or flatter than it resolves)
            assertThat(e).hasMessageContaining("cannot be written as a LAMMPS box");
            return;
        }
        Structure back = new LammpsDataReader().read(SourceText.of("rewritten", written), OPTIONS).structures().get(0);
        assertThat(back.size()).isEqualTo(s.size());
        assertThat(back.composition()).isEqualTo(s.composition());
    }
}
