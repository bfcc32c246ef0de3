package dev.orion.io.internal;

import dev.orion.io.ReadWarning;

import dev.orion.StructureParseException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The text of one input and its name, with 1-based line access and the error and warning
 * factories every reader uses, so that every {@link StructureParseException} names the file, the
 * line, the column and what was expected in the same way.
 *
 * <p>Line terminators {@code \n}, {@code \r\n} and a lone {@code \r} are all accepted (real files
 * mix them). Line offsets are found once, in one pass, on first use.
 */
public final class SourceText {

    /** The name used for text that does not come from a file. */
    public static final String UNNAMED = StructureParseException.STRING_SOURCE;

    private final String name;
    private final String text;
    private int[] lineStarts;
    private int lineCount;

    private SourceText(String name, String text) {
        this.name = Objects.requireNonNull(name, "name");
        this.text = Objects.requireNonNull(text, "text");
    }

    /**
     * @param name the file name shown in errors and warnings
     * @param text the whole input
     * @return the source
     */
    public static SourceText of(String name, String text) {
        return new SourceText(name, text);
    }

    /**
     * @param text the whole input, not from a file
     * @return the source, named {@value #UNNAMED}
     */
    public static SourceText of(String text) {
        return new SourceText(UNNAMED, text);
    }

    /**
     * @param path the file the text was read from (its file name is used in messages)
     * @param text the file's text
     * @return the source
     */
    public static SourceText of(Path path, String text) {
        Path fileName = path.getFileName();
        return new SourceText(fileName == null ? path.toString() : fileName.toString(), text);
    }

    /** @return the name shown in errors and warnings */
    public String name() {
        return name;
    }

    /** @return the whole input */
    public String text() {
        return text;
    }

    /** @return the number of lines (a final line terminator does not start a new line) */
    public int lineCount() {
        index();
        return lineCount;
    }

    /**
     * @param line a 1-based line number
     * @return that line without its terminator
     */
    public String line(int line) {
        index();
        if (line < 1 || line > lineCount) {
            throw new IndexOutOfBoundsException("line " + line + " of " + lineCount);
        }
        int start = lineStarts[line - 1];
        int end = line < lineCount ? lineStarts[line] : text.length();
        while (end > start && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
            end--;
        }
        return text.substring(start, end);
    }

    /**
     * @param line a 1-based line number
     * @return the whitespace-separated tokens of that line, with their 1-based columns
     */
    public List<Token> tokens(int line) {
        String s = line(line);
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            if (i > start) {
                tokens.add(new Token(s.substring(start, i), line, start + 1));
            }
        }
        return tokens;
    }

    /**
     * @param line    the 1-based line, or 0 when the problem concerns the whole input
     * @param column  the 1-based column, or 0 when not applicable
     * @param message what was expected and what was found
     * @return the exception to throw
     */
    public StructureParseException error(int line, int column, String message) {
        return new StructureParseException(name, line, column, message);
    }

    /**
     * @param token   the offending token
     * @param message what was expected and what was found
     * @return the exception to throw, pointing at the token
     */
    public StructureParseException error(Token token, String message) {
        return new StructureParseException(name, token.line(), token.column(), message);
    }

    /**
     * @param line    the 1-based line, or 0
     * @param message what was odd and what the reader did about it
     * @return the warning
     */
    public ReadWarning warning(int line, String message) {
        return new ReadWarning(name, line, message);
    }

    /**
     * Parses a token as a finite number.
     *
     * @param token the token
     * @param what  what the number is, for the message (for example "the scale factor")
     * @return its value
     */
    public double parseDouble(Token token, String what) {
        double v = parseDoubleOrNaN(token.text());
        if (!Double.isFinite(v)) {
            throw error(token, "expected " + what + " (a finite number), found '" + token.text() + "'");
        }
        return v;
    }

    /**
     * Parses a token as an integer.
     *
     * @param token the token
     * @param what  what the integer is, for the message
     * @return its value
     */
    public int parseInt(Token token, String what) {
        try {
            return Integer.parseInt(token.text());
        } catch (NumberFormatException e) {
            throw error(token, "expected " + what + " (an integer), found '" + token.text() + "'");
        }
    }

    /**
     * Parses a decimal number as Fortran and C programs write them ({@code 1.5}, {@code -2e-3},
     * {@code 1.0d0}, {@code 1.0D+01}), without Java's extras ({@code NaN}, {@code Infinity},
     * hexadecimal, a trailing {@code f} or {@code d}).
     *
     * @param s the text
     * @return the value, or NaN when {@code s} is not such a number
     */
    public static double parseDoubleOrNaN(String s) {
        int n = s.length();
        if (n == 0 || n > 64) {
            return Double.NaN;
        }
        boolean digits = false;
        boolean exponent = false;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digits = true;
            } else if (c == 'd' || c == 'D' || c == 'e' || c == 'E') {
                if (exponent || !digits || i == n - 1) {
                    return Double.NaN;
                }
                exponent = true;
            } else if (c != '+' && c != '-' && c != '.') {
                return Double.NaN;
            }
        }
        if (!digits) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(s.indexOf('d') >= 0 || s.indexOf('D') >= 0
                    ? s.replace('d', 'e').replace('D', 'e') : s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private void index() {
        if (lineStarts != null) {
            return;
        }
        int[] starts = new int[16];
        int count = 0;
        int n = text.length();
        int i = 0;
        while (i < n) {
            if (count == starts.length) {
                starts = Arrays.copyOf(starts, count * 2);
            }
            starts[count++] = i;
            while (i < n && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
                i++;
            }
            if (i < n && text.charAt(i) == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                i += 2;
            } else if (i < n) {
                i++;
            }
        }
        lineStarts = starts;
        lineCount = count;
    }

    /**
     * One whitespace-separated token of a line.
     *
     * @param text   the token
     * @param line   its 1-based line
     * @param column its 1-based column
     */
    public record Token(String text, int line, int column) {
    }
}
