package dev.orion.io.xyz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.orion.StructureParseException;
import dev.orion.io.ReadOptions;
import dev.orion.io.ReadResult;
import dev.orion.io.internal.SourceText;
import dev.orion.structure.Molecule;
import dev.orion.structure.Structure;
import dev.orion.structure.StructureFormat;
import java.nio.charset.StandardCharsets;

/**
 * Fuzzes the XYZ reader: the only exception any input may cause is
 * {@link StructureParseException}, and every structure or molecule it reads, the extended XYZ
 * writer writes and the reader reads back with the same atoms. Seeds:
 * {@code XyzReaderFuzzTestInputs/fuzz}. Fuzz for real with {@code JAZZER_FUZZ=1 ./mvnw -pl
 * orion-core -am test -Dtest=XyzReaderFuzzTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class XyzReaderFuzzTest {

    private static final ReadOptions OPTIONS = ReadOptions.builder().maxSites(100_000).build();
    private static final XyzWriter EXT = new XyzWriter(StructureFormat.EXTXYZ);

    @FuzzTest
    void fuzz(byte[] data) {
        ReadResult result;
        try {
            result = new XyzReader().read(SourceText.of("fuzz", new String(data, StandardCharsets.UTF_8)), OPTIONS);
        } catch (StructureParseException expected) {
            return;
        }
        for (Structure s : result.structures()) {
            Structure back = reread(EXT.write(s)).structures().get(0);
            assertThat(back.size()).isEqualTo(s.size());
            assertThat(back.lattice()).isEqualTo(s.lattice());
        }
        for (Molecule m : result.molecules()) {
            Molecule back = reread(EXT.write(m)).molecules().get(0);
            assertThat(back.cartesianCoords()).isEqualTo(m.cartesianCoords());
        }
    }

    private static ReadResult reread(String text) {
        return new XyzReader().read(SourceText.of("rewritten", text), OPTIONS);
    }
}
