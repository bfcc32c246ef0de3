package dev.orion.io.espresso;

import dev.orion.io.internal.SourceText;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The Fortran namelists at the head of a pw.x input ({@code &CONTROL ... /}), parsed into
 * name-to-value maps with the position of every value, plus the line where the cards begin.
 *
 * <p>Accepted syntax: names case-insensitive, with an optional index ({@code celldm(1)},
 * {@code starting_magnetization( 2 )}); values quoted with {@code '} or {@code "} (a doubled quote
 * inside stands for one), or bare ({@code .true.}, {@code 1.0d-8}, {@code 2}); assignments separated
 * by commas, blanks or line ends; {@code !} starts a comment outside quotes; {@code /} or
 * {@code &end} closes a namelist. One value per name: Fortran's repeat counts and array lists
 * ({@code celldm = 10.2, 0, 0}) are not accepted, pw.x inputs do not use them.
 */
final class Namelists {

    private final Map<String, Map<String, Value>> lists;
    private final Map<String, Integer> lines;
    private final int cardsStart;

    private Namelists(Map<String, Map<String, Value>> lists, Map<String, Integer> lines, int cardsStart) {
        this.lists = lists;
        this.lines = lines;
        this.cardsStart = cardsStart;
    }

    /**
     * One value as written, with where it was written.
     *
     * @param text   the value; quotes removed for strings
     * @param quoted whether it was a quoted string
     * @param line   1-based line
     * @param column 1-based column
     */
    record Value(String text, boolean quoted, int line, int column) {

        SourceText.Token token() {
            return new SourceText.Token(text, line, column);
        }
    }

    /** @return the 1-based line of the first card, or {@code lineCount + 1} when there is none */
    int cardsStart() {
        return cardsStart;
    }

    /**
     * @param namelist upper-case namelist name, e.g. {@code SYSTEM}
     * @return whether the input holds that namelist
     */
    boolean has(String namelist) {
        return lists.containsKey(namelist);
    }

    /** @return the 1-based line where a namelist starts, 0 if it is absent */
    int line(String namelist) {
        return lines.getOrDefault(namelist, 0);
    }

    /**
     * @param namelist upper-case namelist name
     * @param name     lower-case variable name, index included ({@code celldm(1)})
     * @return the value, if set
     */
    Optional<Value> get(String namelist, String name) {
        Map<String, Value> values = lists.get(namelist);
        return values == null ? Optional.empty() : Optional.ofNullable(values.get(name));
    }

    /**
     * Parses the namelists at the head of an input.
     *
     * @param src the input
     * @return the namelists
     * @throws dev.orion.StructureParseException on a syntax error
     */
    static Namelists parse(SourceText src) {
        Map<String, Map<String, Value>> lists = new LinkedHashMap<>();
        Map<String, Integer> lines = new LinkedHashMap<>();
        int n = src.lineCount();
        int lineNo = 1;
        while (lineNo <= n) {
            String line = src.line(lineNo);
            int i = skipBlanks(line, 0);
            if (i == line.length() || line.charAt(i) == '!' || line.charAt(i) == '#') {
                lineNo++;
                continue;
            }
            if (line.charAt(i) != '&') {
                break;
            }
            int start = i + 1;
            int end = start;
            while (end < line.length() && isNameChar(line.charAt(end))) {
                end++;
            }
            if (end == start) {
                throw src.error(lineNo, i + 1, "expected a namelist name after '&'");
            }
            String name = line.substring(start, end).toUpperCase(Locale.ROOT);
            if (lists.containsKey(name)) {
                throw src.error(lineNo, i + 1, "namelist &" + name + " appears twice (first at line "
                        + lines.get(name) + ")");
            }
            Map<String, Value> values = new LinkedHashMap<>();
            lists.put(name, values);
            lines.put(name, lineNo);
            lineNo = new Body(src, name, lineNo, end, values).parse();
        }
        return new Namelists(lists, lines, lineNo);
    }

    private static int skipBlanks(String s, int i) {
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t' || s.charAt(i) == '\f')) {
            i++;
        }
        return i;
    }

    private static boolean isNameChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
    }

    /** The assignments of one namelist, from just after its name to its closing {@code /}. */
    private static final class Body {
        private final SourceText src;
        private final String name;
        private final int startLine;
        private final Map<String, Value> values;
        private int lineNo;
        private int pos;
        private String line;

        Body(SourceText src, String name, int startLine, int pos, Map<String, Value> values) {
            this.src = src;
            this.name = name;
            this.startLine = startLine;
            this.values = values;
            this.lineNo = startLine;
            this.pos = pos;
            this.line = src.line(startLine);
        }

        /** @return the line after the closing {@code /} */
        int parse() {
            while (true) {
                if (!skipSeparators()) {
                    throw src.error(startLine, 1, "namelist &" + name + " is not closed: expected '/' before the end of the input");
                }
                char c = line.charAt(pos);
                if (c == '/') {
                    requireRestBlank(pos + 1);
                    return lineNo + 1;
                }
                if (c == '&') {
                    if (line.regionMatches(true, pos, "&end", 0, 4)
                            && (pos + 4 == line.length() || !isNameChar(line.charAt(pos + 4)))) {
                        requireRestBlank(pos + 4);
                        return lineNo + 1;
                    }
                    throw src.error(lineNo, pos + 1, "namelist &" + name + " (line " + startLine
                            + ") is not closed: expected '/' before the next namelist");
                }
                assignment();
            }
        }

        private void assignment() {
            int nameStart = pos;
            if (!(Character.isLetter(line.charAt(pos)) && line.charAt(pos) < 128)) {
                throw src.error(lineNo, pos + 1, "expected a variable name, '/' or a comma in namelist &" + name
                        + ", found '" + line.charAt(pos) + "'");
            }
            while (pos < line.length() && isNameChar(line.charAt(pos))) {
                pos++;
            }
            String word = line.substring(nameStart, pos);
            if (Cards.KEYWORDS.contains(word.toUpperCase(Locale.ROOT))) {
                throw src.error(lineNo, nameStart + 1, "namelist &" + name + " (line " + startLine
                        + ") is not closed: expected '/' before the card " + word);
            }
            StringBuilder key = new StringBuilder(word.toLowerCase(Locale.ROOT));
            pos = skipBlanks(line, pos);
            if (pos < line.length() && line.charAt(pos) == '(') {
                key.append('(');
                int close = line.indexOf(')', pos);
                if (close < 0) {
                    throw src.error(lineNo, pos + 1, "expected ')' closing the index of '" + key.substring(0, key.length() - 1) + "'");
                }
                String index = line.substring(pos + 1, close).replace(" ", "").replace("\t", "");
                if (index.isEmpty() || !index.chars().allMatch(ch -> ch >= '0' && ch <= '9' || ch == ',')) {
                    throw src.error(lineNo, pos + 2, "expected an integer index, found '" + line.substring(pos + 1, close) + "'");
                }
                key.append(index).append(')');
                pos = skipBlanks(line, close + 1);
            }
            if (pos >= line.length() || line.charAt(pos) != '=') {
                throw src.error(lineNo, pos + 1, "expected '=' after '" + key + "' in namelist &" + name);
            }
            pos = skipBlanks(line, pos + 1);
            if (pos >= line.length() || line.charAt(pos) == '!') {
                throw src.error(lineNo, pos + 1, "expected a value for '" + key + "' on the same line");
            }
            Value value = value();
            Value previous = values.putIfAbsent(key.toString(), value);
            if (previous != null) {
                throw src.error(value.line(), value.column(), "'" + key + "' is set twice in namelist &" + name
                        + " (first at line " + previous.line() + ")");
            }
        }

        private Value value() {
            int col = pos + 1;
            char c = line.charAt(pos);
            if (c == '\'' || c == '"') {
                StringBuilder text = new StringBuilder();
                int i = pos + 1;
                while (true) {
                    if (i >= line.length()) {
                        throw src.error(lineNo, col, "expected a closing " + c + " for the string that starts here");
                    }
                    char d = line.charAt(i);
                    if (d == c) {
                        if (i + 1 < line.length() && line.charAt(i + 1) == c) {
                            text.append(c);
                            i += 2;
                            continue;
                        }
                        pos = i + 1;
                        return new Value(text.toString(), true, lineNo, col);
                    }
                    text.append(d);
                    i++;
                }
            }
            int start = pos;
            while (pos < line.length() && !isSeparator(line.charAt(pos)) && line.charAt(pos) != '/'
                    && line.charAt(pos) != '!') {
                pos++;
            }
            if (pos == start) {
                throw src.error(lineNo, col, "expected a value, found '" + c + "'");
            }
            return new Value(line.substring(start, pos), false, lineNo, col);
        }

        /** Skips blanks, commas, comments and line ends. @return false at the end of the input */
        private boolean skipSeparators() {
            while (true) {
                while (pos < line.length() && isSeparator(line.charAt(pos))) {
                    pos++;
                }
                if (pos < line.length() && line.charAt(pos) != '!') {
                    return true;
                }
                if (lineNo >= src.lineCount()) {
                    return false;
                }
                lineNo++;
                line = src.line(lineNo);
                pos = 0;
            }
        }

        private void requireRestBlank(int from) {
            int i = from;
            while (i < line.length() && (isSeparator(line.charAt(i)))) {
                i++;
            }
            if (i < line.length() && line.charAt(i) != '!') {
                throw src.error(lineNo, i + 1, "expected nothing after the end of namelist &" + name
                        + " on its line, found '" + line.substring(i).strip() + "'");
            }
        }

        private static boolean isSeparator(char c) {
            return c == ' ' || c == '\t' || c == ',' || c == '\f';
        }
    }
}
