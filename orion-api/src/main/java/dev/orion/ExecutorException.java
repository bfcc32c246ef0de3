package dev.orion;

/**
 * An executor could not do what was asked: a local process could not be started, {@code sbatch}
 * refused a job, a resource request exceeds what the partition allows, the scheduler could not be
 * reached. {@link #isTransient()} says whether trying again later may succeed.
 */
public class ExecutorException extends OrionException {

    private static final long serialVersionUID = 1L;

    private final boolean transientFailure;

    /**
     * @param message          what failed and where
     * @param transientFailure whether a retry may succeed (scheduler busy, connection refused)
     */
    public ExecutorException(String message, boolean transientFailure) {
        super(message);
        this.transientFailure = transientFailure;
    }

    /**
     * @param message          what failed and where
     * @param transientFailure whether a retry may succeed
     * @param cause            the underlying failure
     */
    public ExecutorException(String message, boolean transientFailure, Throwable cause) {
        super(message, cause);
        this.transientFailure = transientFailure;
    }

    /** @return whether trying again later may succeed */
    public boolean isTransient() {
        return transientFailure;
    }
}
