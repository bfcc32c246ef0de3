package dev.orion.engines.recovery;

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
 * A program engine for the crash tests: each run appends its job id (the work folder's parent) to a
 * shared log when it starts, works for a moment (and, while the gate file exists, waits for it to go),
 * appends the id to {@code <runLog>.done} and prints an energy. The logs show how often each job really
 * started and how often a run got to its end.
 */
final class CountingProgramEngine implements ProgramEngine {

    private final Path runLog;
    private final Path gate;

    CountingProgramEngine(Path runLog) {
        this.runLog = runLog;
        this.gate = gate(runLog);
    }

    /** @param runLog a run log @return the file whose existence holds runs before their end */
    static Path gate(Path runLog) {
        return runLog.resolveSibling(runLog.getFileName() + ".gate");
    }

    /** @param runLog a run log @return the log of runs that got to their end */
    static Path doneLog(Path runLog) {
        return runLog.resolveSibling(runLog.getFileName() + ".done");
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
        String script = "echo " + job + " >> '" + runLog + "'\nsleep 0.4\n"
                + "while [ -e '" + gate + "' ]; do sleep 0.05; done\n"
                + "echo " + job + " >> '" + doneLog(runLog) + "'\necho ENERGY -2.5\n";
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
            return CalculationResult.builder(name(), -2.5, ((AtomisticCalculation) calculation).structure().size()).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
