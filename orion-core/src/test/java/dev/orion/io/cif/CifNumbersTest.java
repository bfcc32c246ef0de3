package dev.orion.io.cif;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** CIF numbers parse to exactly the doubles {@link Double#parseDouble} gives, and nothing else parses. */
class CifNumbersTest {

    private static double parse(String s) {
        return CifNumbers.parse(s, 0, s.length());
    }

    @Test
    void typicalValuesAreExactlyWhatTheJdkParses() {
        for (String s : new String[] {"0", "-0", "-0.0", "+1", "1.", ".5", "0.12345", "-47.259", "97.98",
            "0.333333333333333", "0.3333333333333333", "123456789012345", "1234567890123456789", "1e-3",
            "2.5E+04", "0.000000000000000000000001", "9007199254740993", "1.7976931348623157e308", "4.9e-324",
            "0.1000000000000000055511151231257827"}) {
            assertThat(Double.doubleToRawLongBits(parse(s)))
                    .as(s).isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(s)));
        }
    }

    @Test
    void randomDecimalsAreExactlyWhatTheJdkParses() {
        Random random = new Random(20261121);
        for (int t = 0; t < 20_000; t++) {
            StringBuilder sb = new StringBuilder();
            if (random.nextInt(3) == 0) {
                sb.append(random.nextBoolean() ? '-' : '+');
            }
            int whole = random.nextInt(6);
            for (int i = 0; i < whole; i++) {
                sb.append((char) ('0' + random.nextInt(10)));
            }
            int fraction = random.nextInt(whole == 0 ? 24 : 22) + (whole == 0 ? 1 : 0);
            if (fraction > 0 || random.nextBoolean()) {
                sb.append('.');
                for (int i = 0; i < fraction; i++) {
                    sb.append((char) ('0' + random.nextInt(10)));
                }
            }
            if (random.nextInt(5) == 0) {
                sb.append(random.nextBoolean() ? 'e' : 'E').append(random.nextInt(61) - 30);
            }
            String s = sb.toString();
            assertThat(Double.doubleToRawLongBits(parse(s)))
                    .as(s).isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(s)));
        }
    }

    @Test
    void whatIsNotACifNumberIsNaN() {
        for (String s : new String[] {"", "-", ".", "+.", "1e", "1e+", "1.2.3", "NaN", "Infinity", "0x10", "1d0",
            "1f", "1 ", "--1", "1-", "e5"}) {
            assertThat(parse(s)).as(s).isNaN();
        }
        assertThat(parse("1".repeat(65))).isNaN();
    }

    @Test
    void aRangeInsideLongerTextIsParsedAlone() {
        assertThat(CifNumbers.parse("x 0.25 y", 2, 6)).isEqualTo(0.25);
    }
}
