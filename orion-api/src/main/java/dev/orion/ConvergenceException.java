package dev.orion;

import java.util.Optional;

/**
 * A calculation stopped because an iterative procedure did not converge (for example pw.x's
 * {@code convergence NOT achieved after 2 iterations: stopping}, exit code 2). Its kind is always
 * {@link EngineFailureException.Kind#NOT_CONVERGED}.
 */
public class ConvergenceException extends EngineFailureException {

    private static final long serialVersionUID = 1L;

    private final int iterations;

    /**
     * @param engine         the engine name
     * @param programMessage the program's words
     * @param iterations     iterations done before it gave up (0 if unknown)
     * @param exitCode       the exit code, if any
     */
    public ConvergenceException(String engine, String programMessage, int iterations, Optional<Integer> exitCode) {
        super(engine, Kind.NOT_CONVERGED, programMessage, exitCode);
        this.iterations = iterations;
    }

    /** @return iterations done before the program gave up (0 if unknown) */
    public int iterations() {
        return iterations;
    }
}
