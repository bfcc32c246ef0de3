package dev.orion.analysis.symmetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The symbol keys of the look-ups agree with their definitions as regular expressions. */
class SymbolNormalisationTest {

    private static final String ALPHABET = "Pp 21/c-3mnR:H_'\"\t\n\r\f\u000B\u00A0\u2003()";

    private static String random(Random random) {
        StringBuilder sb = new StringBuilder();
        int n = random.nextInt(16);
        for (int i = 0; i < n; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    @Test
    void hermannMauguinKeyDropsRegexWhitespaceAndUnderscoresAndLowersCase() {
        Random random = new Random(11);
        for (int t = 0; t < 5000; t++) {
            String s = random(random);
            assertThat(HermannMauguinIndex.key(s)).as(s)
                    .isEqualTo(s.replaceAll("[\\s_]", "").toLowerCase(Locale.ROOT));
        }
        assertThat(HermannMauguinIndex.key(" P 1 2_1/c 1\t")).isEqualTo("p121/c1");
    }

    @Test
    void hallNormalisationStripsCollapsesSpacesAndUnifiesDoublePrimes() {
        Random random = new Random(12);
        for (int t = 0; t < 5000; t++) {
            String s = random(random);
            assertThat(SpaceGroupTable.normalizeHall(s)).as(s)
                    .isEqualTo(s.strip().replaceAll("\\s+", " ").replace("''", "\""));
        }
        assertThat(SpaceGroupTable.normalizeHall("  -P \t 2yn ''")).isEqualTo("-P 2yn \"");
    }
}
