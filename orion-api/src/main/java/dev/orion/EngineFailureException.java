package dev.orion;

import java.util.Objects;
import java.util.Optional;

/**
 * An engine ran (or tried to run) a calculation and it failed: the program stopped with an error,
 * crashed, did not converge, ran out of time or was cancelled. Carries the engine's name, the kind
 * of failure, the program's own message (for example LAMMPS's {@code ERROR ...} line with its
 * {@code Last command}, or pw.x's {@code Error in routine readpp}) and the exit code when there was one.
 */
public class EngineFailureException extends OrionException {

    private static final long serialVersionUID = 1L;

    /** Why a calculation failed. */
    public enum Kind {
        /** The program reported an error in its input or its files (bad keyword, missing potential). */
        INPUT_ERROR,
        /** An iterative procedure (SCF, minimisation) did not converge. */
        NOT_CONVERGED,
        /** The program died without a result (signal, MPI abort, missing output). */
        CRASHED,
        /** The run exceeded its time limit. */
        TIMED_OUT,
        /** The run was cancelled on request. */
        CANCELLED,
        /** The executor could not start or track the run (scheduler refused it, node failed, out of memory). */
        EXECUTION_ERROR
    }

    private final String engine;
    private final Kind kind;
    private final String programMessage;
    private final Integer exitCode;

    /**
     * @param engine         the engine name, e.g. {@code "lammps"}
     * @param kind           what kind of failure
     * @param programMessage the program's own words (may be empty)
     * @param exitCode       the exit code, if the program exited
     */
    public EngineFailureException(String engine, Kind kind, String programMessage, Optional<Integer> exitCode) {
        this(engine, kind, programMessage, exitCode, null);
    }

    /**
     * @param engine         the engine name
     * @param kind           what kind of failure
     * @param programMessage the program's own words (may be empty)
     * @param exitCode       the exit code, if the program exited
     * @param cause          the underlying failure, may be null
     */
    public EngineFailureException(String engine, Kind kind, String programMessage, Optional<Integer> exitCode,
            Throwable cause) {
        super(engine + " " + describe(kind) + exitCode.map(c -> " (exit code " + c + ")").orElse("")
                + (programMessage.isBlank() ? "" : ": " + programMessage), cause);
        this.engine = Objects.requireNonNull(engine, "engine");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.programMessage = Objects.requireNonNull(programMessage, "programMessage");
        this.exitCode = exitCode.orElse(null);
    }

    private static String describe(Kind kind) {
        switch (kind) {
            case INPUT_ERROR: return "stopped with an input error";
            case NOT_CONVERGED: return "did not converge";
            case CRASHED: return "crashed";
            case TIMED_OUT: return "ran out of time";
            case CANCELLED: return "was cancelled";
            default: return "could not be executed";
        }
    }

    /** @return the engine name */
    public String engine() {
        return engine;
    }

    /** @return what kind of failure */
    public Kind kind() {
        return kind;
    }

    /** @return the program's own message, empty if it printed none */
    public String programMessage() {
        return programMessage;
    }

    /** @return the exit code, if the program exited */
    public Optional<Integer> exitCode() {
        return Optional.ofNullable(exitCode);
    }
}
