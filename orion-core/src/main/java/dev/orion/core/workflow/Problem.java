package dev.orion.core.workflow;

import java.util.Objects;

/**
 * One thing wrong (an error) or doubtful (a warning) in a workflow file, with where it is. Printed as
 * {@code file:line:column: message} (with {@code warning: } before warnings), the form compilers use, so
 * editors can jump to it.
 *
 * @param severity error or warning
 * @param file     the file name as given to the loader
 * @param line     1-based line
 * @param column   1-based column
 * @param message  what is wrong, naming the step, input or reference
 */
public record Problem(Severity severity, String file, int line, int column, String message) {

    /** How bad a problem is. */
    public enum Severity {
        /** The workflow cannot run. */
        ERROR,
        /** The workflow runs, but probably not as meant. */
        WARNING
    }

    /** Validates. */
    public Problem {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(file, "file");
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("line and column must be >= 1, got " + line + ":" + column);
        }
        Objects.requireNonNull(message, "message");
    }

    /** @return true for an error */
    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + (isError() ? "" : "warning: ") + message;
    }
}
