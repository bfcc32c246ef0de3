package dev.orion.campaign;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One measured outcome: its value, unit and, when known, the standard deviation of its noise (a DFT
 * energy is nearly noise-free; a lab measurement is not).
 *
 * @param value             the value
 * @param unit              the unit ("eV/atom", "GPa", or empty for dimensionless)
 * @param standardDeviation the noise's standard deviation (&gt;= 0), if known
 */
public record Measurement(double value, String unit, OptionalDouble standardDeviation) {

    /** Validates. */
    public Measurement {
        Checks.finite("value", value);
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(standardDeviation, "standardDeviation");
        if (standardDeviation.isPresent() && !(standardDeviation.getAsDouble() >= 0
                && Double.isFinite(standardDeviation.getAsDouble()))) {
            throw new IllegalArgumentException("standardDeviation must be finite and >= 0, got "
                    + standardDeviation.getAsDouble());
        }
    }

    /** @param value value  @param unit unit  @return a measurement of unknown noise */
    public static Measurement of(double value, String unit) {
        return new Measurement(value, unit, OptionalDouble.empty());
    }

    /** @param value value  @param unit unit  @param sd noise standard deviation  @return a noisy measurement */
    public static Measurement of(double value, String unit, double sd) {
        return new Measurement(value, unit, OptionalDouble.of(sd));
    }
}
