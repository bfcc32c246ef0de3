package dev.orion.core.work;

import dev.orion.store.WorkItem;

/**
 * Does the work of one queue item. Returning normally completes the item; throwing fails the attempt
 * (it is retried with backoff, or dead-lettered after its last attempt). A handler interrupted by a
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
