package dev.orion.io.cif;

import dev.orion.StructureParseException;
import dev.orion.io.internal.SourceText;
import java.util.Locale;

/**
 * Splits CIF 1.1 text into tokens, one at a time, without allocating an object per token: a
 * file of millions of values costs a few ints each (see {@link CifValues}).
 *
 * <p>CIF 1.1 rules followed: whitespace is space, tab and the line terminators {@code \n},
 * {@code \r\n} and a lone {@code \r}; {@code #} at the start of a token starts a comment running to
 * the end of the line; a {@code ;} in the first column of a line opens a text field closed by the
 * next line that starts with {@code ;}; a value that starts with {@code '} or {@code "} ends at the
 * same quote only when whitespace (or the end of input) follows it, and may not span lines;
 * {@code data_}, {@code loop_}, {@code save_}, {@code global_} and {@code stop_} are reserved words
 * (case-insensitive); a token starting with {@code _} is a tag; anything else is a bare value.
 */
final class CifLexer {

    /** The kinds of token {@link #next()} returns. */
    static final int EOF = 0;
    static final int DATA = 1;
    static final int LOOP = 2;
    static final int SAVE = 3;
    static final int GLOBAL = 4;
    static final int STOP = 5;
    static final int TAG = 6;
    static final int VALUE = 7;

    private final String text;
    /** The text as an array, so that the scans need none of {@link String#charAt}'s per-character checks. */
    private final char[] chars;
    private final CifPositions positions;
    private final int length;
    private int pos;

    /** Offset of the first character of the last token (its quote or {@code ;} included). */
    private int tokenStart;
    /** Content of the last token: for a quoted value or text field, without the delimiters. */
    private int start;
    private int end;
    /** For VALUE tokens: one of the {@link CifValues} kinds. */
    private byte valueKind;

    CifLexer(String text, CifPositions positions) {
        this.text = text;
        this.chars = text.toCharArray();
        this.positions = positions;
        this.length = text.length();
        // A byte-order mark is not part of the first token.
        this.pos = length > 0 && text.charAt(0) == '\uFEFF' ? 1 : 0;
    }

    /** @return the kind of the next token */
    int next() {
        // Scans run on locals: the hot loops then need no field stores.
        char[] t = chars;
        int n = length;
        int p = skipWhitespaceAndComments(t, n, pos);
        tokenStart = p;
        if (p >= n) {
            pos = p;
            start = end = p;
            return EOF;
        }
        char c = t[p];
        if (c == ';' && atLineStart(p)) {
            pos = p;
            return textField();
        }
        if (c == '\'' || c == '"') {
            pos = p;
            return quoted(c);
        }
        int s = p;
        while (p < n && !isWhitespace(t[p])) {
            p++;
        }
        pos = p;
        start = s;
        end = p;
        return classifyBare();
    }

    int tokenStart() {
        return tokenStart;
    }

    int start() {
        return start;
    }

    int end() {
        return end;
    }

    byte valueKind() {
        return valueKind;
    }

    /** @return the last token's content as a string (for names, tags and messages) */
    String content() {
        return text.substring(start, end);
    }

    /** @return the last token's content in lower case (CIF tags are case-insensitive) */
    String lowerCaseContent() {
        for (int i = start; i < end; i++) {
            char c = chars[i];
            if ((c >= 'A' && c <= 'Z') || c >= 0x80) {
                return content().toLowerCase(Locale.ROOT);
            }
        }
        // Most tags are written in lower case already: no second pass over them.
        return content();
    }

    StructureParseException error(int offset, String message) {
        return positions.error(offset, message);
    }

    private int classifyBare() {
        int n = end - start;
        char c = chars[start];
        // Reserved words are rare among bare tokens: look at them only when the first letter fits.
        switch (c) {
            case '_':
                return TAG;
            case 'd':
            case 'D':
                if (n >= 5 && regionIs("data_")) {
                    start += 5;
                    return DATA;
                }
                break;
            case 's':
            case 'S':
                if (n >= 5 && regionIs("save_")) {
                    start += 5;
                    return SAVE;
                }
                if (n == 5 && regionIs("stop_")) {
                    return STOP;
                }
                break;
            case 'l':
            case 'L':
                if (n == 5 && regionIs("loop_")) {
                    return LOOP;
                }
                break;
            case 'g':
            case 'G':
                if (n == 7 && regionIs("global_")) {
                    return GLOBAL;
                }
                break;
            default:
                break;
        }
        if (n == 1 && (c == '?' || c == '.')) {
            valueKind = c == '?' ? CifValues.UNKNOWN : CifValues.INAPPLICABLE;
        } else {
            valueKind = CifValues.BARE;
        }
        return VALUE;
    }

    private boolean regionIs(String word) {
        return text.regionMatches(true, start, word, 0, word.length());
    }

    private int quoted(char quote) {
        char[] t = chars;
        int n = length;
        int open = pos;
        int i = pos + 1;
        while (true) {
            if (i >= n) {
                throw unterminatedQuote(open, quote);
            }
            char c = t[i];
            if (c == quote) {
                if (i + 1 >= n || isWhitespace(t[i + 1])) {
                    break;
                }
            } else if (c == '\n' || c == '\r') {
                throw unterminatedQuote(open, quote);
            }
            i++;
        }
        start = open + 1;
        end = i;
        pos = i + 1;
        valueKind = CifValues.QUOTED;
        return VALUE;
    }

    private StructureParseException unterminatedQuote(int open, char quote) {
        return error(open, "unterminated quoted value: expected a closing " + quote
                + " followed by whitespace before the end of the line");
    }

    private int textField() {
        char[] t = chars;
        int n = length;
        int open = pos;
        int i = pos + 1;
        while (true) {
            while (i < n && t[i] != '\n' && t[i] != '\r') {
                i++;
            }
            if (i >= n) {
                throw error(open, "unterminated text field: expected a line starting with ';' to close the "
                        + "text field opened here");
            }
            int lineEnd = i;
            i += t[i] == '\r' && i + 1 < n && t[i + 1] == '\n' ? 2 : 1;
            if (i < n && t[i] == ';') {
                start = open + 1;
                end = lineEnd;
                pos = i + 1;
                valueKind = CifValues.TEXT_FIELD;
                return VALUE;
            }
        }
    }

    /** @return the offset of the first character from {@code p} on that is neither whitespace nor in a comment */
    private static int skipWhitespaceAndComments(char[] t, int n, int p) {
        while (p < n) {
            char c = t[p];
            if (isWhitespace(c)) {
                p++;
            } else if (c == '#') {
                while (p < n && t[p] != '\n' && t[p] != '\r') {
                    p++;
                }
            } else {
                return p;
            }
        }
        return p;
    }

    private boolean atLineStart(int offset) {
        if (offset == 0 || (offset == 1 && chars[0] == '\uFEFF')) {
            return true;
        }
        char before = chars[offset - 1];
        return before == '\n' || before == '\r';
    }

    static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B;
    }

    /** @return the source text of this lexer */
    String text() {
        return text;
    }

    SourceText source() {
        return positions.source();
    }
}
