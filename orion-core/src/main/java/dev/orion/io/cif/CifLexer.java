package dev.orion.io.cif;

import dev.orion.StructureParseException;
import dev.orion.io.SourceText;

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
        this.positions = positions;
        this.length = text.length();
        // A byte-order mark is not part of the first token.
        this.pos = length > 0 && text.charAt(0) == '\uFEFF' ? 1 : 0;
    }

    /** @return the kind of the next token */
    int next() {
        skipWhitespaceAndComments();
        tokenStart = pos;
        if (pos >= length) {
            start = end = pos;
            return EOF;
        }
        char c = text.charAt(pos);
        if (c == ';' && atLineStart(pos)) {
            return textField();
        }
        if (c == '\'' || c == '"') {
            return quoted(c);
        }
        int s = pos;
        while (pos < length && !isWhitespace(text.charAt(pos))) {
            pos++;
        }
        start = s;
        end = pos;
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

    StructureParseException error(int offset, String message) {
        return positions.error(offset, message);
    }

    private int classifyBare() {
        int n = end - start;
        char c = text.charAt(start);
        if (c == '_') {
            return TAG;
        }
        if (n >= 5 && regionIs("data_")) {
            start += 5;
            return DATA;
        }
        if (n >= 5 && regionIs("save_")) {
            start += 5;
            return SAVE;
        }
        if (n == 5 && regionIs("loop_")) {
            return LOOP;
        }
        if (n == 7 && regionIs("global_")) {
            return GLOBAL;
        }
        if (n == 5 && regionIs("stop_")) {
            return STOP;
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
        int open = pos;
        int i = pos + 1;
        while (true) {
            if (i >= length || text.charAt(i) == '\n' || text.charAt(i) == '\r') {
                throw error(open, "unterminated quoted value: expected a closing " + quote
                        + " followed by whitespace before the end of the line");
            }
            if (text.charAt(i) == quote && (i + 1 >= length || isWhitespace(text.charAt(i + 1)))) {
                break;
            }
            i++;
        }
        start = open + 1;
        end = i;
        pos = i + 1;
        valueKind = CifValues.QUOTED;
        return VALUE;
    }

    private int textField() {
        int open = pos;
        int i = pos + 1;
        while (true) {
            while (i < length && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
                i++;
            }
            if (i >= length) {
                throw error(open, "unterminated text field: expected a line starting with ';' to close the "
                        + "text field opened here");
            }
            int lineEnd = i;
            i += text.charAt(i) == '\r' && i + 1 < length && text.charAt(i + 1) == '\n' ? 2 : 1;
            if (i < length && text.charAt(i) == ';') {
                start = open + 1;
                end = lineEnd;
                pos = i + 1;
                valueKind = CifValues.TEXT_FIELD;
                return VALUE;
            }
        }
    }

    private void skipWhitespaceAndComments() {
        while (pos < length) {
            char c = text.charAt(pos);
            if (isWhitespace(c)) {
                pos++;
            } else if (c == '#') {
                while (pos < length && text.charAt(pos) != '\n' && text.charAt(pos) != '\r') {
                    pos++;
                }
            } else {
                return;
            }
        }
    }

    private boolean atLineStart(int offset) {
        if (offset == 0 || (offset == 1 && text.charAt(0) == '\uFEFF')) {
            return true;
        }
        char before = text.charAt(offset - 1);
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
