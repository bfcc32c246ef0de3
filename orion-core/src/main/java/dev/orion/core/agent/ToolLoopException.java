package dev.orion.core.agent;

import dev.orion.llm.LlmException;
import java.math.BigDecimal;

/** A tool loop hit its step limit or cost cap before the model gave a final answer. */
public final class ToolLoopException extends LlmException {

    private static final long serialVersionUID = 1L;

    /** Which limit was hit. */
    public enum Limit {
        /** The most model calls allowed. */
        STEPS,
        /** The most money allowed. */
        COST
    }

    private final Limit limit;
    private final int steps;
    private final BigDecimal costUsd;

    /**
     * Creates the exception.
     *
     * @param limit   which limit
     * @param steps   model calls made
     * @param costUsd money spent
     * @param detail  the limit's value in words
     */
    public ToolLoopException(Limit limit, int steps, BigDecimal costUsd, String detail) {
        super("tool loop stopped at its " + (limit == Limit.STEPS ? "step limit" : "cost cap") + " (" + detail + ") after "
                + steps + " model calls costing $" + costUsd.toPlainString(), false, null, null);
        this.limit = limit;
        this.steps = steps;
        this.costUsd = costUsd;
    }

    /** Which limit was hit. */
    public Limit limit() {
        return limit;
    }

    /** Model calls made. */
    public int steps() {
        return steps;
    }

    /** Money spent. */
    public BigDecimal costUsd() {
        return costUsd;
    }
}
