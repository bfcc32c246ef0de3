package dev.orion.core.jobs;

import dev.orion.EngineFailureException;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * Which failed runs are tried again, how often and after how long. Input errors, non-convergence
 * and cancellations are never retried: running them again gives the same answer.
 *
 * @param maxAttempts attempts in all (1 = no retry)
 * @param backoff     wait before the second attempt, doubled for each further one
 * @param retryOn     failure kinds that are retried
 */
public record JobRetryPolicy(int maxAttempts, Duration backoff, Set<EngineFailureException.Kind> retryOn) {

    /** Validates. */
    public JobRetryPolicy {
        if (maxAttempts < 1 || maxAttempts > 100) {
            throw new IllegalArgumentException("maxAttempts must be 1..100, got " + maxAttempts);
        }
        Objects.requireNonNull(backoff, "backoff");
        if (backoff.isNegative()) {
            throw new IllegalArgumentException("backoff must be >= 0, got " + backoff);
        }
        retryOn = Set.copyOf(retryOn);
        for (EngineFailureException.Kind k : retryOn) {
            if (k == EngineFailureException.Kind.INPUT_ERROR || k == EngineFailureException.Kind.NOT_CONVERGED
                    || k == EngineFailureException.Kind.CANCELLED) {
                throw new IllegalArgumentException(k + " failures are deterministic and cannot be retried");
            }
        }
    }

    /** @return one attempt only */
    public static JobRetryPolicy none() {
        return new JobRetryPolicy(1, Duration.ZERO, Set.of());
    }

    /**
     * @param maxAttempts attempts in all
     * @param backoff     first wait
     * @return retries of crashes, time-outs and executor failures
     */
    public static JobRetryPolicy transientFailures(int maxAttempts, Duration backoff) {
        return new JobRetryPolicy(maxAttempts, backoff, Set.of(EngineFailureException.Kind.CRASHED,
                EngineFailureException.Kind.TIMED_OUT, EngineFailureException.Kind.EXECUTION_ERROR));
    }

    boolean retries(EngineFailureException.Kind kind, int attempt) {
        return attempt < maxAttempts && retryOn.contains(kind);
    }

    Duration delayAfter(int attempt) {
        return backoff.multipliedBy(1L << Math.min(attempt - 1, 16));
    }
}
