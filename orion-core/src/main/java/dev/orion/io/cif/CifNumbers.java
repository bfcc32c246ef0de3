package dev.orion.io.cif;

/** Parses the numbers CIF allows (CIF 1.1 numeric values), without Java's extras. */
final class CifNumbers {

    private static final int MAX_LENGTH = 64;

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
        if (s.charAt(i) == '+' || s.charAt(i) == '-') {
            i++;
        }
        int digits = 0;
        while (i < to && isDigit(s.charAt(i))) {
            i++;
            digits++;
        }
        if (i < to && s.charAt(i) == '.') {
            i++;
            while (i < to && isDigit(s.charAt(i))) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return Double.NaN;
        }
        if (i < to && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
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
        return Double.parseDouble(s.subSequence(from, to).toString());
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
