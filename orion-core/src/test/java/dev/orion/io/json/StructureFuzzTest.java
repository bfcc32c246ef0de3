package dev.orion.io.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.orion.StructureParseException;
import dev.orion.structure.Composition;
import dev.orion.structure.Structure;

/**
 * Untrusted text must fail with the documented exception types, never with anything else.
 * Runs the seed corpus under {@code ./mvnw verify}; set {@code JAZZER_FUZZ=1} to fuzz for real.
 */
class StructureFuzzTest {

    @FuzzTest
    void jsonReaderThrowsOnlyParseExceptions(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        Structure s;
        try {
            s = StructureJson.fromJson(text);
        } catch (StructureParseException expected) {
            assertThat(expected.getMessage()).startsWith("<string>");
            return;
        }
        assertThat(StructureJson.fromJson(StructureJson.toJson(s))).isEqualTo(s);
    }

    @FuzzTest
    void pymatgenReaderThrowsOnlyParseExceptions(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        Structure s;
        try {
            s = PymatgenJson.structureFromJson(text);
        } catch (StructureParseException expected) {
            assertThat(expected.getMessage()).startsWith("<pymatgen dict>");
            return;
        }
        assertThat(s.lattice().volume()).isFinite();
    }

    @FuzzTest
    void formulaParserThrowsOnlyIllegalArgument(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        Composition c;
        try {
            c = Composition.parse(text);
        } catch (IllegalArgumentException expected) {
            assertThat(expected.getMessage()).contains("formula");
            return;
        }
        assertThat(c.numAtoms()).isPositive();
        assertThat(Composition.parse(c.formula()).almostEquals(c, 1e-6 * c.numAtoms())).isTrue();
    }
}
