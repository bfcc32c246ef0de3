package dev.orion.core.workflow;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of {@link WorkflowRunner#batch}: one item per input, each with its run or the reason it could not run.
 *
 * @param batchId the batch
 * @param items   every item, in input order
 */
public record BatchRun(String batchId, List<Item> items) {

    /** Copies. */
    public BatchRun {
        Objects.requireNonNull(batchId, "batchId");
        items = List.copyOf(items);
    }

    /**
     * One input's outcome.
     *
     * @param index its position in the batch
     * @param run   its run, if its inputs were valid
     * @param error why it did not succeed: its invalid inputs or the errors of its failed steps
     */
    public record Item(int index, Optional<WorkflowRun> run, Optional<String> error) {

        /** Validates. */
        public Item {
            Objects.requireNonNull(run, "run");
            Objects.requireNonNull(error, "error");
        }

        static Item of(int index, WorkflowRun run) {
            Optional<String> error = run.status() == WorkflowRun.Status.SUCCEEDED ? Optional.empty()
                    : Optional.of(run.status() + ": " + String.join("; ", run.steps().values().stream()
                    .filter(s -> s.status() == StepResult.Status.FAILED).map(s -> s.stepId() + ": " + s.error().orElse("")).toList()));
            return new Item(index, Optional.of(run), error);
        }

        static Item invalid(int index, String message) {
            return new Item(index, Optional.empty(), Optional.of(message));
        }

        /** @return whether its run succeeded */
        public boolean succeeded() {
            return error.isEmpty();
        }
    }

    /** @return how many items succeeded */
    public long succeeded() {
        return items.stream().filter(Item::succeeded).count();
    }

    /** @return the items that did not succeed */
    public List<Item> failures() {
        return items.stream().filter(i -> !i.succeeded()).toList();
    }
}
