package dev.orion.io;

import java.util.Objects;

/**
 * A recoverable oddity met while reading a file: the reader went on, but the user should know.
 *
 * <p>Examples: a CIF without any symmetry information read as P1, occupancies summing slightly
 * over one that were rescaled, a block of velocities after the POSCAR coordinates that was
 * ignored.
 *
 * @param source  the file name, or {@code "<string>"} for text read from memory
 * @param line    the 1-based line the warning is about, or 0 when it concerns the whole input
 * @param message what was odd and what the reader did about it
 */
public record ReadWarning(String source, int line, String message) {

    /** Validates the fields. */
    public ReadWarning {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(message, "message");
        if (line < 0) {
            throw new IllegalArgumentException("line must be >= 0, was " + line);
        }
    }

    @Override
    public String toString() {
        return line > 0 ? source + ":" + line + ": " + message : source + ": " + message;
    }
}
