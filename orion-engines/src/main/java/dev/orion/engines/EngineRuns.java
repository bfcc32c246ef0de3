package dev.orion.engines;

import dev.orion.EngineFailureException;
import dev.orion.InvalidCalculationException;
import dev.orion.engine.Calculation;
import dev.orion.engine.CalculationResult;
import dev.orion.engine.Engine;
import dev.orion.engine.Executor;
import dev.orion.engine.JavaEngine;
import dev.orion.engine.ProgramEngine;
import dev.orion.engine.ProgramRun;
import dev.orion.engine.Resources;
import dev.orion.engine.RunOutcome;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Runs one calculation to its end on the calling thread, without persistence: validate, prepare,
 * launch, wait, parse. The job service adds storage, retries and recovery around the same steps;
 * this is for scripts, notebooks and tests.
 */
public final class EngineRuns {

    private EngineRuns() {
    }

    /**
     * @param engine      the engine
     * @param calculation the calculation
     * @param executor    where program engines run (ignored by Java engines)
     * @param workDir     an existing folder for the run's files
     * @param resources   what the run asks for
     * @return the result
     * @throws InvalidCalculationException if the engine refuses the calculation
     * @throws EngineFailureException      if the run fails
     * @throws InterruptedException        if the calling thread is interrupted (the run is cancelled)
     */
    public static CalculationResult run(Engine engine, Calculation calculation, Executor executor, Path workDir,
            Resources resources) throws InterruptedException {
        List<String> problems = engine.validate(calculation);
        if (!problems.isEmpty()) {
            throw new InvalidCalculationException(engine.name(), problems);
        }
        if (engine instanceof JavaEngine java) {
            return java.compute(calculation, workDir);
        }
        ProgramEngine program = (ProgramEngine) engine;
        ProgramRun run = program.prepare(calculation, workDir);
        String id = executor.launch(run, resources, engine.name() + "-" + calculation.kind());
        try {
            Optional<RunOutcome> outcome = Optional.empty();
            while (outcome.isEmpty()) {
                outcome = executor.await(id, Duration.ofSeconds(60));
            }
            return program.parse(calculation, run, outcome.get());
        } catch (InterruptedException e) {
            executor.cancel(id);
            throw e;
        }
    }
}
