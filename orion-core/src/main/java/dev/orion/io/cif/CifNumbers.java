package dev.orion.io.cif;

/** Parses the numbers CIF allows (CIF 1.1 numeric values), without Java's extras. */
final class CifNumbers {

    private static final int MAX_LENGTH = 64;
    /** Integers of up to 15 decimal digits are below 2^53, so exact as doubles. */
    private static final int EXACT_DIGITS = 15;
    /** The powers of ten that are exact doubles. */
    private static final double[] POWERS_OF_TEN = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

    private CifNumbers() {
    }

    /**
     * Parses {@code [+-]digits[.digits][(e|E)[+-]digits]} (a leading or trailing dot is allowed).
     *
     * @return the value, or NaN when the text is not such a number or is longer than 64 characters
     */
    static double parse(CharSequence s, int from, int to) {
        int n = to - from;
        if (n <= 0 || n > MAX_LENGTH) {
            return Double.NaN;
        }
        int i = from;
        boolean negative = s.charAt(i) == '-';
        if (s.charAt(i) == '+' || s.charAt(i) == '-') {
            i++;
        }
        int digits = 0;
        // The digits as one integer while it stays exact, and how many of them follow the dot.
        long mantissa = 0;
        int significant = 0;
        int fraction = 0;
        while (i < to && isDigit(s.charAt(i))) {
            mantissa = accumulate(mantissa, s.charAt(i), significant);
            significant += significant > 0 || s.charAt(i) != '0' ? 1 : 0;
            i++;
            digits++;
        }
        if (i < to && s.charAt(i) == '.') {
            i++;
            while (i < to && isDigit(s.charAt(i))) {
                mantissa = accumulate(mantissa, s.charAt(i), significant);
                significant += significant > 0 || s.charAt(i) != '0' ? 1 : 0;
                i++;
                digits++;
                fraction++;
            }
        }
        if (digits == 0) {
            return Double.NaN;
        }
        boolean hasExponent = false;
        if (i < to && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            hasExponent = true;
            i++;
            if (i < to && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int exponentDigits = 0;
            while (i < to && isDigit(s.charAt(i))) {
                i++;
                exponentDigits++;
            }
            if (exponentDigits == 0) {
                return Double.NaN;
            }
        }
        if (i != to) {
            return Double.NaN;
        }
        if (!hasExponent && significant <= EXACT_DIGITS && fraction < POWERS_OF_TEN.length) {
            // Both operands are exact doubles, so one correctly rounded division gives exactly what
            // Double.parseDouble gives (Clinger's fast path), without building a string.
            double v = mantissa / POWERS_OF_TEN[fraction];
            return negative ? -v : v;
        }
        return Double.parseDouble(s.subSequence(from, to).toString());
    }

    /** @return the mantissa with one more digit, or unchanged once it has more than it can hold exactly */
    private static long accumulate(long mantissa, char digit, int significant) {
        return significant < EXACT_DIGITS ? mantissa * 10 + (digit - '0') : mantissa;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
