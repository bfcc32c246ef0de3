package dev.orion.engine;

import java.nio.file.Path;

/**
 * An engine that runs an external program: it writes its input files into a work folder and names
 * the command ({@link #prepare}), an {@link Executor} runs it, and the engine reads the outputs
 * ({@link #parse}).
 */
public non-sealed interface ProgramEngine extends Engine {

    /**
     * Writes the inputs of {@code calculation} into {@code workDir} and says how to run the program.
     *
     * @param calculation a calculation that {@link #validate} accepted
     * @param workDir     an existing, empty folder the run owns
     * @return the command and files of the run
     * @throws dev.orion.InvalidCalculationException if the calculation is not valid for this engine
     */
    ProgramRun prepare(Calculation calculation, Path workDir);

    /**
     * Reads the outputs of a finished run.
     *
     * @param calculation the calculation that was prepared
     * @param run         what {@link #prepare} returned
     * @param outcome     how the program ended
     * @return the result
     * @throws dev.orion.EngineFailureException when the program failed (with its own message)
     */
    CalculationResult parse(Calculation calculation, ProgramRun run, RunOutcome outcome);
}
