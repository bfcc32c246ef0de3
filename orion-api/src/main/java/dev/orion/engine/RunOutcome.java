package dev.orion.engine;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How a program run ended, as an executor observed it.
 *
 * @param state    the final state
 * @param exitCode the exit code, if the program exited
 * @param stdout   the file holding standard output
 * @param stderr   the file holding standard error
 * @param wallTime how long it ran
 * @param reason   the executor's or scheduler's explanation (e.g. SLURM's {@code Reason=TimeLimit}), may be empty
 */
public record RunOutcome(RunState state, Optional<Integer> exitCode, Path stdout, Path stderr, Duration wallTime,
                         String reason) {

    /** Validates. */
    public RunOutcome {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(exitCode, "exitCode");
        Objects.requireNonNull(stdout, "stdout");
        Objects.requireNonNull(stderr, "stderr");
        Objects.requireNonNull(wallTime, "wallTime");
        Objects.requireNonNull(reason, "reason");
    }
}
