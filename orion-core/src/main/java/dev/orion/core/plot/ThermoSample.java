package dev.orion.core.plot;

import dev.orion.engine.Frame;
import java.util.Objects;

/**
 * One line of a molecular-dynamics thermo trace, as {@link Plots#thermo} draws it.
 *
 * @param step         the MD step
 * @param timePs       the simulated time in ps
 * @param temperatureK the temperature in K
 * @param energy       the potential energy in eV
 * @param pressureGPa  the pressure in GPa (NaN when not known)
 */
public record ThermoSample(long step, double timePs, double temperatureK, double energy, double pressureGPa) {

    /** Validates. */
    public ThermoSample {
        if (step < 0) {
            throw new IllegalArgumentException("step must be >= 0, got " + step);
        }
        if (!Double.isFinite(timePs) || timePs < 0) {
            throw new IllegalArgumentException("timePs must be finite and >= 0, got " + timePs);
        }
        if (!Double.isFinite(temperatureK) || temperatureK < 0) {
            throw new IllegalArgumentException("temperatureK must be finite and >= 0, got " + temperatureK);
        }
        if (!Double.isFinite(energy)) {
            throw new IllegalArgumentException("energy must be finite, got " + energy);
        }
        if (Double.isInfinite(pressureGPa)) {
            throw new IllegalArgumentException("pressureGPa must be finite or NaN, got " + pressureGPa);
        }
    }

    /**
     * @param frame      a trajectory frame of an engine's result
     * @param timestepPs the MD time step in ps (&gt; 0)
     * @return the frame as a thermo sample at time {@code step * timestepPs}
     * @throws IllegalArgumentException if the time step is not positive
     */
    public static ThermoSample of(Frame frame, double timestepPs) {
        Objects.requireNonNull(frame, "frame");
        if (!(timestepPs > 0) || Double.isInfinite(timestepPs)) {
            throw new IllegalArgumentException("timestepPs must be finite and > 0, got " + timestepPs);
        }
        return new ThermoSample(frame.step(), frame.step() * timestepPs, frame.temperatureK(), frame.energy(),
                frame.pressureGPa().orElse(Double.NaN));
    }
}
