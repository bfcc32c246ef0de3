package dev.orion.store;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Selects work items; empty fields match everything.
 *
 * @param queue    only this queue
 * @param statuses only these states (empty: any)
 */
public record WorkItemFilter(Optional<String> queue, Set<WorkStatus> statuses) {

    /** Validates and copies. */
    public WorkItemFilter {
        Objects.requireNonNull(queue, "queue");
        statuses = Set.copyOf(statuses);
    }

    /** @return a filter matching every item */
    public static WorkItemFilter all() {
        return new WorkItemFilter(Optional.empty(), Set.of());
    }

    /** @param q queue  @return narrowed filter */
    public WorkItemFilter withQueue(String q) {
        return new WorkItemFilter(Optional.of(q), statuses);
    }

    /** @param s states  @return narrowed filter */
    public WorkItemFilter withStatus(WorkStatus... s) {
        return new WorkItemFilter(queue, Set.of(s));
    }
}
