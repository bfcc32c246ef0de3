package dev.orion;

import java.util.List;
import java.util.Objects;

/**
 * An engine refused a calculation before anything ran: it cannot compute that kind of calculation,
 * a potential does not cover an element of the structure, a pseudopotential file is missing, and so
 * on. Lists every problem found, not only the first.
 */
public class InvalidCalculationException extends OrionException {

    private static final long serialVersionUID = 1L;

    private final String engine;
    private final List<String> problems;

    /**
     * @param engine   the engine that refused
     * @param problems what is wrong, one sentence each (at least one)
     */
    public InvalidCalculationException(String engine, List<String> problems) {
        super(engine + " cannot run this calculation: " + String.join("; ", problems));
        this.engine = Objects.requireNonNull(engine, "engine");
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("problems must not be empty");
        }
        this.problems = List.copyOf(problems);
    }

    /** @return the engine that refused */
    public String engine() {
        return engine;
    }

    /** @return what is wrong */
    public List<String> problems() {
        return problems;
    }
}
