package dev.orion.structure;

import java.math.BigDecimal;

/** Number formatting shared by formulas and species names: integers without ".0". */
final class Numbers {

    private static final double INTEGER_TOLERANCE = 1e-8;

    private Numbers() {
    }

    /** True if {@code v} is within 1e-8 of an integer. */
    static boolean isIntegral(double v) {
        return Math.abs(v - Math.rint(v)) < INTEGER_TOLERANCE;
    }

    /** {@code 2 -> "2"}, {@code 0.5 -> "0.5"}, {@code 1/3 -> "0.33333333"} (8 decimals at most). */
    static String format(double v) {
        if (isIntegral(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) Math.rint(v));
        }
        BigDecimal d = new BigDecimal(v).setScale(8, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros();
        return d.toPlainString();
    }
}
