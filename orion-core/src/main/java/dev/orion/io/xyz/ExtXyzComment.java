package dev.orion.io.xyz;

import dev.orion.io.internal.SourceText;
import java.util.ArrayList;
import java.util.List;

/**
 * The comment line of an extended XYZ frame, split into {@code key=value} pairs. Keys and values
 * may be bare words or double-quoted strings (with {@code \"}, {@code \\}, {@code \n} and {@code \r}
 * escapes); values may also be {@code {...}} or {@code [...]} arrays. A key without a value is a
 * flag whose value is {@code T} (as ASE reads it).
 */
final class ExtXyzComment {

    /**
     * One pair.
     *
     * @param key         the key
     * @param value       the value text, unquoted (brackets removed, commas of {@code [..]} made spaces)
     * @param hasValue    whether an {@code =} was written
     * @param valueColumn the 1-based column where the value starts (of the key, for flags)
     */
    record Pair(String key, String value, boolean hasValue, int valueColumn) {
    }

    private final SourceText src;
    private final int lineNumber;
    private final String line;
    private int i;

    private ExtXyzComment(SourceText src, int lineNumber) {
        this.src = src;
        this.lineNumber = lineNumber;
        this.line = src.line(lineNumber);
    }

    /**
     * @return the pairs of the line, or a {@link dev.orion.StructureParseException} for broken quoting
     */
    static List<Pair> parse(SourceText src, int lineNumber) {
        return new ExtXyzComment(src, lineNumber).pairs();
    }

    private List<Pair> pairs() {
        List<Pair> pairs = new ArrayList<>();
        int n = line.length();
        while (true) {
            skipSpace();
            if (i >= n) {
                return pairs;
            }
            int keyColumn = i + 1;
            String key = word("a key");
            if (key.isBlank()) {
                throw src.error(lineNumber, keyColumn, "expected a key, found a blank quoted key");
            }
            skipSpace();
            if (i < n && line.charAt(i) == '=') {
                i++;
                skipSpace();
                int valueColumn = i + 1;
                String value = i >= n || Character.isWhitespace(line.charAt(i)) ? "" : value();
                pairs.add(new Pair(key, value, true, valueColumn));
            } else {
                pairs.add(new Pair(key, "T", false, keyColumn));
            }
        }
    }

    private String word(String what) {
        if (line.charAt(i) == '"') {
            return quoted(what);
        }
        int start = i;
        while (i < line.length() && !Character.isWhitespace(line.charAt(i)) && line.charAt(i) != '='
                && line.charAt(i) != '"') {
            i++;
        }
        if (i == start) {
            throw src.error(lineNumber, i + 1, "expected " + what + ", found '" + line.charAt(i) + "'");
        }
        return line.substring(start, i);
    }

    private String value() {
        char c = line.charAt(i);
        if (c == '"') {
            return quoted("a value");
        }
        if (c == '{' || c == '[') {
            char close = c == '{' ? '}' : ']';
            int open = i;
            int end = line.indexOf(close, i + 1);
            if (end < 0) {
                throw src.error(lineNumber, open + 1, "expected '" + close + "' to close the array opened here");
            }
            String inner = line.substring(i + 1, end);
            i = end + 1;
            return c == '[' ? inner.replace(',', ' ') : inner;
        }
        int start = i;
        while (i < line.length() && !Character.isWhitespace(line.charAt(i))) {
            if (line.charAt(i) == '"') {
                throw src.error(lineNumber, i + 1, "unexpected '\"' inside an unquoted value");
            }
            i++;
        }
        return line.substring(start, i);
    }

    private String quoted(String what) {
        int open = i;
        i++;
        StringBuilder sb = new StringBuilder();
        while (i < line.length()) {
            char c = line.charAt(i++);
            if (c == '"') {
                return sb.toString();
            }
            if (c == '\\' && i < line.length()) {
                char e = line.charAt(i++);
                sb.append(e == 'n' ? '\n' : e == 'r' ? '\r' : e);
            } else {
                sb.append(c);
            }
        }
        throw src.error(lineNumber, open + 1, "expected a closing '\"' for " + what + " quoted here");
    }

    private void skipSpace() {
        while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
            i++;
        }
    }
}
