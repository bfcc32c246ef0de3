package dev.orion.engines.jobs;

import dev.orion.EngineFailureException;
import dev.orion.engine.AtomisticCalculation;
import dev.orion.engine.Calculation;
import dev.orion.engine.CalculationResult;
import dev.orion.engine.EngineCapabilities;
import dev.orion.engine.ProgramEngine;
import dev.orion.engine.ProgramRun;
import dev.orion.engine.RunOutcome;
import dev.orion.engine.RunState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A program engine for tests: a shell script that crashes (exit 1) on its first run and prints an
 * energy on later runs; a marker file outside the work folders remembers the first run.
 */
final class FlakyProgramEngine implements ProgramEngine {

    private final Path marker;

    FlakyProgramEngine(Path marker) {
        this.marker = marker;
    }

    @Override public String name() { return "flaky"; }
    @Override public String version() { return "1"; }
    @Override public List<Path> referencedFiles(Calculation c) { return List.of(); }
    @Override public List<String> validate(Calculation c) { return List.of(); }

    @Override
    public EngineCapabilities capabilities() {
        return new EngineCapabilities(Set.of("single-point"), Set.of(), false, Set.of());
    }

    @Override
    public ProgramRun prepare(Calculation calculation, Path workDir) {
        String script = "if [ -e '" + marker + "' ]; then echo 'ENERGY -1.25'; else touch '" + marker
                + "'; echo 'segfault' >&2; exit 1; fi\n";
        try {
            Files.writeString(workDir.resolve("run.sh"), script);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ProgramRun(workDir, List.of("sh", "run.sh"), Map.of(), List.of("run.sh"), "sh");
    }

    @Override
    public CalculationResult parse(Calculation calculation, ProgramRun run, RunOutcome outcome) {
        try {
            String out = Files.readString(outcome.stdout());
            if (outcome.state() != RunState.COMPLETED || !out.startsWith("ENERGY")) {
                throw new EngineFailureException(name(), EngineFailureException.Kind.CRASHED,
                        Files.readString(outcome.stderr()).trim(), outcome.exitCode());
            }
            return CalculationResult.builder(name(), Double.parseDouble(out.trim().split("\\s+")[1]),
                    ((AtomisticCalculation) calculation).structure().size()).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
