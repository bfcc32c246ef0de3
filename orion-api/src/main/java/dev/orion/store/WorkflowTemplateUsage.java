package dev.orion.store;

import java.util.Objects;

/**
 * How often a tenant's workflow template was run and how often the run succeeded, over all its versions.
 *
 * @param name      the template's name
 * @param runs      the runs recorded
 * @param succeeded the runs that succeeded
 */
public record WorkflowTemplateUsage(String name, long runs, long succeeded) {

    /** Validates. */
    public WorkflowTemplateUsage {
        Objects.requireNonNull(name, "name");
        if (runs < 0 || succeeded < 0 || succeeded > runs) {
            throw new IllegalArgumentException("need 0 <= succeeded <= runs, got succeeded=" + succeeded + ", runs=" + runs);
        }
    }

    /** @return the fraction of runs that succeeded, 0 when there were none */
    public double successRate() {
        return runs == 0 ? 0 : (double) succeeded / runs;
    }
}
