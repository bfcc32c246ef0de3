package dev.orion.structure;

import java.util.EnumMap;
import java.util.Map;

/**
 * Recursive-descent parser for chemical formulas: element symbols with optional (possibly
 * fractional) amounts, groups in round or square brackets with multipliers, nested to any depth,
 * whitespace between tokens, and hydrate dots ({@code "Ca3(PO4)2"}, {@code "K4[Fe(CN)6]"},
 * {@code "Fe2 O3"}, {@code "CuSO4·5H2O"}, {@code "CuSO4*5H2O"}).
 */
final class FormulaParser {

    private final String text;
    private int pos;

    private FormulaParser(String text) {
        this.text = text;
    }

    static Map<Element, Double> parse(String formula) {
        if (formula == null) {
            throw new IllegalArgumentException("formula must not be null");
        }
        FormulaParser p = new FormulaParser(formula);
        p.skipSpace();
        if (p.pos == formula.length()) {
            throw new IllegalArgumentException("formula '" + formula + "' is empty");
        }
        Map<Element, Double> result = p.sequence((char) 0, false);
        if (p.pos != formula.length()) {
            throw p.error("unexpected '" + formula.charAt(p.pos) + "'");
        }
        return result;
    }

    private static boolean isHydrateDot(char c) {
        return c == '\u00b7' || c == '*' || c == '\u2022';
    }

    /**
     * Parses groups until the closing bracket {@code close} (or the end when it is 0); a hydrate
     * segment ({@code stopAtDot}) also ends at the next middle dot.
     */
    private Map<Element, Double> sequence(char close, boolean stopAtDot) {
        Map<Element, Double> amounts = new EnumMap<>(Element.class);
        int start = pos;
        while (true) {
            skipSpace();
            if (pos == text.length()) {
                if (close != 0) {
                    throw error("missing '" + close + "'");
                }
                break;
            }
            char c = text.charAt(pos);
            if (c == close) {
                break;
            }
            if (isHydrateDot(c)) {
                if (stopAtDot) {
                    break;
                }
                // "CuSO4·5H2O": the number after the dot multiplies the segment up to the next dot
                int dot = pos;
                pos++;
                skipSpace();
                double n = amount();
                Map<Element, Double> segment = sequence(close, true);
                if (segment.isEmpty()) {
                    pos = dot;
                    throw error("nothing after '" + c + "'");
                }
                segment.forEach((e, a) -> amounts.merge(e, a * n, Double::sum));
                continue;
            }
            if (c == '(' || c == '[') {
                int open = pos;
                pos++;
                char expected = c == '(' ? ')' : ']';
                Map<Element, Double> inner = sequence(expected, false);
                if (inner.isEmpty()) {
                    pos = open;
                    throw error("empty brackets");
                }
                pos++;
                double n = amount();
                inner.forEach((e, a) -> amounts.merge(e, a * n, Double::sum));
            } else if (Character.isUpperCase(c)) {
                Element e = symbol();
                double n = amount();
                amounts.merge(e, n, Double::sum);
            } else {
                throw error("unexpected '" + c + "'");
            }
        }
        if (amounts.isEmpty() && close == 0 && !stopAtDot) {
            pos = start;
            throw error("no elements");
        }
        return amounts;
    }

    private Element symbol() {
        int start = pos;
        if (pos + 1 < text.length() && Character.isLowerCase(text.charAt(pos + 1))) {
            var two = Element.parse(text.substring(pos, pos + 2));
            if (two.isPresent()) {
                pos += 2;
                return two.get();
            }
        }
        var one = Element.parse(text.substring(pos, pos + 1));
        if (one.isEmpty()) {
            int end = pos + 1;
            while (end < text.length() && Character.isLowerCase(text.charAt(end))) {
                end++;
            }
            throw error("unknown element '" + text.substring(start, end) + "'");
        }
        pos++;
        return one.get();
    }

    private double amount() {
        int start = pos;
        while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
            pos++;
        }
        if (start == pos) {
            return 1.0;
        }
        String number = text.substring(start, pos);
        if (!number.matches("[0-9]+(\\.[0-9]*)?|\\.[0-9]+")) {
            pos = start;
            throw error("bad amount '" + number + "'");
        }
        double v = Double.parseDouble(number);
        if (v == 0) {
            pos = start;
            throw error("zero amount");
        }
        return v;
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException("formula '" + text + "': " + what + " at position " + (pos + 1));
    }
}
