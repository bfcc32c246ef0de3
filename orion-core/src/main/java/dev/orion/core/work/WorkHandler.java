package dev.orion.core.work;

import dev.orion.store.WorkItem;

/**
 * Does the work of one queue item. Returning normally completes the item; throwing anything, an
 * {@link Error} included, fails the attempt (it is retried with backoff, or dead-lettered after its last
 * attempt). Delivery is at least once: work whose completion could not be recorded runs again, with
 * {@code item.attempts() > 1}, so a handler checks whether its effect already exists. A handler interrupted by a
 * shutdown should stop promptly by throwing {@link InterruptedException}; its item is then released.
 */
@FunctionalInterface
public interface WorkHandler {

    /**
     * @param item the claimed item
     * @throws Exception to fail this attempt
     */
    void handle(WorkItem item) throws Exception;
}
