package dev.orion.engines.calculix;

import dev.orion.OrionException;

/**
 * A CalculiX file (an Abaqus/CalculiX {@code .inp} mesh or a {@code .frd} result file) could not be
 * read: names the file, the 1-based line and the reason, as in
 * {@code part.inp:12: element 7 has type C3D20; only C3D8 is read}.
 */
public final class CalculixFormatException extends OrionException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;
    private final String reason;

    /**
     * @param source the file's name
     * @param line   the 1-based line, 0 when the whole file is at fault
     * @param reason what was wrong
     */
    public CalculixFormatException(String source, int line, String reason) {
        super(source + (line > 0 ? ":" + line : "") + ": " + reason);
        this.source = source;
        this.line = Math.max(0, line);
        this.reason = reason;
    }

    /** @return the file's name */
    public String source() {
        return source;
    }

    /** @return the 1-based line, 0 when the whole file is at fault */
    public int line() {
        return line;
    }

    /** @return what was wrong, without the location */
    public String reason() {
        return reason;
    }
}
