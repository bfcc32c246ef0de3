package dev.orion.engine;

import java.util.Objects;
import java.util.Optional;

/**
 * A calculation to run as a persisted job. Build with {@link #of(Calculation, String)}.
 *
 * @param calculation    what to compute
 * @param engine         the engine name (e.g. {@code "lammps"})
 * @param executor       the executor name, empty for the service's default
 * @param resources      what the run asks for
 * @param idempotencyKey submitting twice with the same key returns the first job
 * @param reuseResults   whether an identical, already succeeded calculation returns its stored
 *                       result instead of running again (default true)
 */
public record JobRequest(Calculation calculation, String engine, Optional<String> executor, Resources resources,
                         Optional<String> idempotencyKey, boolean reuseResults) {

    /** Validates. */
    public JobRequest {
        Objects.requireNonNull(calculation, "calculation");
        if (engine == null || engine.isBlank()) {
            throw new IllegalArgumentException("engine must be named, got '" + engine + "'");
        }
        Objects.requireNonNull(executor, "executor");
        Objects.requireNonNull(resources, "resources");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        idempotencyKey.ifPresent(k -> {
            if (k.isBlank() || k.length() > 150) {
                throw new IllegalArgumentException("idempotencyKey must be 1-150 characters, got '" + k + "'");
            }
        });
    }

    /** @param calculation what  @param engine which engine  @return a request with defaults */
    public static JobRequest of(Calculation calculation, String engine) {
        return new JobRequest(calculation, engine, Optional.empty(), Resources.defaults(), Optional.empty(), true);
    }

    /** @param name executor name  @return a copy */
    public JobRequest onExecutor(String name) {
        return new JobRequest(calculation, engine, Optional.of(name), resources, idempotencyKey, reuseResults);
    }

    /** @param r resources  @return a copy */
    public JobRequest withResources(Resources r) {
        return new JobRequest(calculation, engine, executor, r, idempotencyKey, reuseResults);
    }

    /** @param key idempotency key  @return a copy */
    public JobRequest withIdempotencyKey(String key) {
        return new JobRequest(calculation, engine, executor, resources, Optional.of(key), reuseResults);
    }

    /** @return a copy that always runs, even if an identical result is stored */
    public JobRequest withoutResultReuse() {
        return new JobRequest(calculation, engine, executor, resources, idempotencyKey, false);
    }
}
