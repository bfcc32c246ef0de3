package dev.orion.engine;

import java.nio.file.Path;

/**
 * An engine that computes in this JVM, with nothing installed. Runs stop promptly when their thread
 * is interrupted (throwing an {@link dev.orion.EngineFailureException} of kind CANCELLED).
 */
public non-sealed interface JavaEngine extends Engine {

    /**
     * @param calculation a calculation that {@link #validate} accepted
     * @param workDir     a folder the run may write files into (for example a trajectory)
     * @return the result
     * @throws dev.orion.InvalidCalculationException if the calculation is not valid for this engine
     * @throws dev.orion.EngineFailureException      if the computation fails or is interrupted
     */
    CalculationResult compute(Calculation calculation, Path workDir);
}
