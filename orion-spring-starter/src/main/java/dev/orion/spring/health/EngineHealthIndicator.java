package dev.orion.spring.health;

import dev.orion.engine.Engine;
import dev.orion.engine.ProgramEngine;
import dev.orion.engines.ProgramVersion;
import java.util.Optional;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * One engine: its version, and for a program engine whether its program is found. A program engine whose
 * program is missing, or answers with no version, is down.
 */
final class EngineHealthIndicator extends AbstractHealthIndicator {

    /** What a program engine's {@code version()} ends with when the program printed no version. */
    private static final String UNKNOWN_VERSION = "(version unknown)";

    private final Engine engine;
    private final Optional<String> program;

    /**
     * @param engine  the engine
     * @param program the program it runs, when known (a name on the PATH or a path)
     */
    EngineHealthIndicator(Engine engine, Optional<String> program) {
        super("ORION engine health check failed");
        this.engine = engine;
        this.program = program;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        builder.withDetail("name", engine.name());
        if (program.isPresent()) {
            Optional<java.nio.file.Path> found = ProgramVersion.find(program.get());
            if (found.isEmpty()) {
                builder.down().withDetail("program", program.get()).withDetail("error", "program not found");
                return;
            }
            builder.withDetail("program", found.get().toString());
        }
        String version = engine.version();
        builder.withDetail("version", version);
        if (engine instanceof ProgramEngine && version.endsWith(UNKNOWN_VERSION)) {
            builder.down().withDetail("error", "the program printed no version");
        } else {
            builder.up();
        }
    }
}
