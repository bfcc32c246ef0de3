package dev.orion;

import java.util.Objects;

/**
 * A structure file (or string) could not be read: says which source, where (1-based line and
 * column, 0 when not applicable) and why, as in {@code Cu.cif:12:5: expected a number for
 * _cell_length_a, found 'abc'}.
 */
public class StructureParseException extends OrionException {

    private static final long serialVersionUID = 1L;

    /** The source name used for text that did not come from a file. */
    public static final String STRING_SOURCE = "<string>";

    private final String source;
    private final int line;
    private final int column;
    private final String reason;

    /**
     * @param source file name, or {@link #STRING_SOURCE}
     * @param line   1-based line, 0 if not applicable
     * @param column 1-based column, 0 if not applicable
     * @param reason what was wrong, e.g. "expected a number for _cell_length_a, found 'abc'"
     */
    public StructureParseException(String source, int line, int column, String reason) {
        this(source, line, column, reason, null);
    }

    /**
     * @param source file name, or {@link #STRING_SOURCE}
     * @param line   1-based line, 0 if not applicable
     * @param column 1-based column, 0 if not applicable
     * @param reason what was wrong
     * @param cause  the underlying failure, may be null
     */
    public StructureParseException(String source, int line, int column, String reason, Throwable cause) {
        super(location(source, line, column) + reason, cause);
        this.source = source == null || source.isBlank() ? STRING_SOURCE : source;
        this.line = Math.max(0, line);
        this.column = Math.max(0, column);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /**
     * An exception for "expected X, found 'Y'".
     *
     * @param expected what the reader expected, e.g. "a number for _cell_length_a"
     * @param found    the text found instead
     */
    public static StructureParseException expected(String source, int line, int column, String expected,
            String found) {
        return new StructureParseException(source, line, column, "expected " + expected + ", found '" + found + "'");
    }

    private static String location(String source, int line, int column) {
        StringBuilder sb = new StringBuilder(source == null || source.isBlank() ? STRING_SOURCE : source);
        if (line > 0) {
            sb.append(':').append(line);
            if (column > 0) {
                sb.append(':').append(column);
            }
        }
        return sb.append(": ").toString();
    }

    /** File name, or {@code "<string>"}. */
    public String source() {
        return source;
    }

    /** 1-based line, 0 if not applicable. */
    public int line() {
        return line;
    }

    /** 1-based column, 0 if not applicable. */
    public int column() {
        return column;
    }

    /** What was wrong, without the location prefix. */
    public String reason() {
        return reason;
    }
}
