package dev.orion.spring.autoconfigure;

import dev.orion.engines.ProgramVersion;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when a program engine is enabled ({@code orion.engines.<engine>.enabled}, default true) and its
 * program ({@code orion.engines.<engine>.executable}) is found on the {@code PATH} or at its path.
 */
abstract class ProgramFound extends SpringBootCondition {

    private final String engine;
    private final String defaultProgram;

    ProgramFound(String engine, String defaultProgram) {
        this.engine = engine;
        this.defaultProgram = defaultProgram;
    }

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String prefix = "orion.engines." + engine + ".";
        if (!context.getEnvironment().getProperty(prefix + "enabled", Boolean.class, true)) {
            return ConditionOutcome.noMatch(prefix + "enabled is false");
        }
        String program = context.getEnvironment().getProperty(prefix + "executable", defaultProgram);
        Optional<java.nio.file.Path> found = ProgramVersion.find(program);
        return found.map(p -> ConditionOutcome.match(engine + " program found at " + p))
                .orElseGet(() -> ConditionOutcome.noMatch(engine + " program '" + program + "' not found"));
    }

    /** LAMMPS ({@code lmp}). */
    static final class Lammps extends ProgramFound {
        Lammps() {
            super("lammps", "lmp");
        }
    }

    /** Quantum ESPRESSO ({@code pw.x}). */
    static final class Espresso extends ProgramFound {
        Espresso() {
            super("espresso", "pw.x");
        }
    }
}
