package dev.orion.analysis.symmetry;

import dev.orion.symmetry.SymmetryOperation;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Arbitrary text given to the operation and symbol parsers either parses or is refused with an
 * {@link IllegalArgumentException} (or an empty lookup), never another exception; what parses
 * prints back to itself. Runs the seed corpus under {@code ./mvnw verify}, fuzzes with
 * {@code JAZZER_FUZZ=1}.
 */
class SymmetryTextFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void operationTextParsesOrIsRefused(byte[] data) {
        String text = new String(data, java.nio.charset.StandardCharsets.ISO_8859_1);
        SymmetryOperation op;
        try {
            op = SymmetryOperation.parse(text);
        } catch (IllegalArgumentException refused) {
            assertThat(refused.getMessage()).contains("symmetry operation");
            return;
        }
        assertThat(SymmetryOperation.parse(op.toXyz())).isEqualTo(op);
    }

    @FuzzTest(maxDuration = "30s")
    void symbolLookupsNeverThrow(byte[] data) {
        String text = new String(data, java.nio.charset.StandardCharsets.ISO_8859_1);
        SpaceGroups.byHermannMauguin(text).ifPresent(t -> assertThat(t.number()).isBetween(1, 230));
        SpaceGroups.byHallSymbol(text).ifPresent(t -> assertThat(t.number()).isBetween(1, 230));
    }
}
