package dev.orion.campaign;

import java.util.Objects;

/**
 * One outcome to minimise or maximise, e.g. {@code Objective.minimize("formation_energy")}.
 *
 * @param outcome   the outcome's name, as evaluators report it in {@link Observation#outcomes()}
 * @param direction whether smaller or larger is better
 */
public record Objective(String outcome, Direction direction) {

    /** Whether smaller or larger values are better. */
    public enum Direction {
        /** smaller is better */
        MINIMIZE,
        /** larger is better */
        MAXIMIZE
    }

    /** Validates. */
    public Objective {
        Checks.name("outcome", outcome);
        Objects.requireNonNull(direction, "direction");
    }

    /** @param outcome the outcome  @return minimise it */
    public static Objective minimize(String outcome) {
        return new Objective(outcome, Direction.MINIMIZE);
    }

    /** @param outcome the outcome  @return maximise it */
    public static Objective maximize(String outcome) {
        return new Objective(outcome, Direction.MAXIMIZE);
    }

    /**
     * @param value a value of the outcome
     * @return the value oriented so that smaller is better (negated when maximising)
     */
    public double toMinimized(double value) {
        return direction == Direction.MINIMIZE ? value : -value;
    }
}
