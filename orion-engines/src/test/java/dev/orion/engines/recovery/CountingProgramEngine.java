package dev.orion.engines.recovery;

import dev.orion.EngineFailureException;
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
 * A program engine for the crash test: each run appends its job id (the work folder's parent) to a
 * shared log when it starts, works for a moment, and prints an energy. The log shows how often each
 * job really ran.
 */
final class CountingProgramEngine implements ProgramEngine {

    private final Path runLog;

    CountingProgramEngine(Path runLog) {
        this.runLog = runLog;
    }

    @Override public String name() { return "counting"; }
    @Override public String version() { return "1"; }
    @Override public List<Path> referencedFiles(Calculation c) { return List.of(); }
    @Override public List<String> validate(Calculation c) { return List.of(); }

    @Override
    public EngineCapabilities capabilities() {
        return new EngineCapabilities(Set.of("single-point"), Set.of(), false, Set.of());
    }

    @Override
    public ProgramRun prepare(Calculation calculation, Path workDir) {
        String job = workDir.toAbsolutePath().getParent().getFileName().toString();
        String script = "echo " + job + " >> '" + runLog + "'\nsleep 0.4\necho ENERGY -2.5\n";
        try {
            Files.writeString(workDir.resolve("count.sh"), script);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ProgramRun(workDir, List.of("sh", "count.sh"), Map.of(), List.of("count.sh"), "sh");
    }

    @Override
    public CalculationResult parse(Calculation calculation, ProgramRun run, RunOutcome outcome) {
        try {
            String out = Files.isRegularFile(outcome.stdout()) ? Files.readString(outcome.stdout()) : "";
            if (outcome.state() != RunState.COMPLETED || !out.startsWith("ENERGY")) {
                throw new EngineFailureException(name(), EngineFailureException.Kind.CRASHED, outcome.reason(),
                        outcome.exitCode());
            }
            return CalculationResult.builder(name(), -2.5, calculation.structure().size()).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
