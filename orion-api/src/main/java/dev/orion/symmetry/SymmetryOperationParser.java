package dev.orion.symmetry;

/**
 * Reads one CIF operation string ({@code -x+y, -x, z+2/3}); a recursive-descent scanner over
 * the characters so that errors can name the index where the text stopped making sense.
 */
final class SymmetryOperationParser {

    private static final int MAX_COEFFICIENT = 1000;

    private final String text;
    private int pos;

    SymmetryOperationParser(String text) {
        this.text = text;
    }

    SymmetryOperation parse() {
        int[] rotation = new int[9];
        double[] translation = new double[3];
        for (int row = 0; row < 3; row++) {
            if (row > 0) {
                skipSpaces();
                if (pos >= text.length() || text.charAt(pos) != ',') {
                    throw error(pos >= text.length()
                            ? "expected 3 comma-separated components, found " + row
                            : "expected ',' but found '" + text.charAt(pos) + "'");
                }
                pos++;
            }
            translation[row] = component(rotation, row);
        }
        skipSpaces();
        if (pos < text.length()) {
            throw error(text.charAt(pos) == ','
                    ? "expected 3 comma-separated components, found more"
                    : "unexpected '" + text.charAt(pos) + "'");
        }
        try {
            return SymmetryOperation.ofFlat(rotation, translation);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid symmetry operation '" + text + "': " + e.getMessage(), e);
        }
    }

    /** Parses one sum of terms into rotation row {@code row}; returns its constant part. */
    private double component(int[] rotation, int row) {
        double constant = 0;
        boolean anyVariable = false;
        boolean first = true;
        while (true) {
            skipSpaces();
            int termStart = pos;
            int sign = 1;
            if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
                sign = text.charAt(pos) == '-' ? -1 : 1;
                pos++;
                skipSpaces();
            } else if (!first) {
                break;
            }
            if (pos >= text.length()) {
                throw error(first && termStart == pos ? "empty component" : "expected a term after the sign");
            }
            char c = text.charAt(pos);
            if (isVariable(c)) {
                rotation[3 * row + variableIndex(c)] += sign;
                pos++;
                anyVariable = true;
            } else if (Character.isDigit(c) || c == '.') {
                int numberStart = pos;
                double value = number();
                skipSpaces();
                if (pos < text.length() && text.charAt(pos) == '*') {
                    pos++;
                    skipSpaces();
                }
                if (pos < text.length() && isVariable(text.charAt(pos))) {
                    if (value != Math.rint(value)) {
                        pos = numberStart;
                        throw error("coefficient of a variable must be an integer");
                    }
                    if (value > MAX_COEFFICIENT) {
                        pos = numberStart;
                        throw error("coefficient of a variable must be at most " + MAX_COEFFICIENT);
                    }
                    rotation[3 * row + variableIndex(text.charAt(pos))] += sign * (int) value;
                    pos++;
                    anyVariable = true;
                } else {
                    constant += sign * value;
                }
            } else {
                throw error(first && c == ',' ? "empty component" : "unexpected '" + c + "'");
            }
            first = false;
        }
        if (!anyVariable) {
            throw error("component " + (row + 1) + " has no x, y or z");
        }
        return constant;
    }

    /** Reads an unsigned integer, decimal or fraction ({@code 1/2}, {@code 0.25}, {@code .5}). */
    private double number() {
        double numerator = decimal();
        skipSpaces();
        if (pos < text.length() && text.charAt(pos) == '/') {
            pos++;
            skipSpaces();
            int denominatorStart = pos;
            double denominator = decimal();
            if (denominator == 0) {
                pos = denominatorStart;
                throw error("division by zero");
            }
            return numerator / denominator;
        }
        return numerator;
    }

    private double decimal() {
        int start = pos;
        while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
            pos++;
        }
        if (start == pos) {
            throw error(pos < text.length() ? "expected a number but found '" + text.charAt(pos) + "'"
                    : "expected a number");
        }
        if (pos - start <= 9 && isAsciiInteger(start, pos)) {
            // Fractions such as 1/2 are written with small integers: no need for a string and parseDouble.
            int value = 0;
            for (int i = start; i < pos; i++) {
                value = 10 * value + (text.charAt(i) - '0');
            }
            return value;
        }
        try {
            return Double.parseDouble(text.substring(start, pos));
        } catch (NumberFormatException e) {
            pos = start;
            throw error("malformed number '" + text.substring(start, scanEnd(start)) + "'");
        }
    }

    private boolean isAsciiInteger(int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private int scanEnd(int start) {
        int end = start;
        while (end < text.length() && (Character.isDigit(text.charAt(end)) || text.charAt(end) == '.')) {
            end++;
        }
        return end;
    }

    private void skipSpaces() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private static boolean isVariable(char c) {
        return (c >= 'x' && c <= 'z') || (c >= 'X' && c <= 'Z');
    }

    private static int variableIndex(char c) {
        return Character.toLowerCase(c) - 'x';
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException(
                "cannot parse symmetry operation '" + text + "' at index " + pos + ": " + what);
    }
}
