package dev.orion.engine;

import dev.orion.structure.Structure;
import java.util.Objects;
import java.util.Optional;

/**
 * One sample of a trajectory (an MD step, a minimiser iteration).
 *
 * @param step         the step number
 * @param energy       potential energy in eV
 * @param temperatureK temperature in K (0 for minimisation)
 * @param pressureGPa  pressure in GPa, if known
 * @param structure    the configuration, if it was saved for this frame
 */
public record Frame(long step, double energy, double temperatureK, Optional<Double> pressureGPa,
                    Optional<Structure> structure) {

    /** Validates. */
    public Frame {
        Objects.requireNonNull(pressureGPa, "pressureGPa");
        Objects.requireNonNull(structure, "structure");
    }
}
