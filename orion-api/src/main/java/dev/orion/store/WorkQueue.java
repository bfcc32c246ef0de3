package dev.orion.store;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The durable work queue of one tenant, shared by every JVM on the same database. Workers claim
 * items under leases ({@code FOR UPDATE SKIP LOCKED} on PostgreSQL), so an item is worked by one
 * worker at a time and is reclaimed when its worker dies. Failures retry with exponential backoff
 * until {@code maxAttempts}, then the item is dead-lettered.
 *
 * <p>Enqueue, claim (one event per item), complete, fail, release, retry, and the return of a lapsed
 * lease ({@code "reclaim"}, or {@code "dead-letter"} when the item is out of attempts, whether found by
 * {@link #claim} or {@link #reclaimExpired}) are audited with resource type {@code "work-item"}; lease
 * extension is not.
 */
public interface WorkQueue {

    /**
     * @param item what to enqueue
     * @return the new item, or the existing one with the same idempotency key (nothing written then)
     */
    WorkItem enqueue(NewWorkItem item);

    /**
     * Claims up to {@code max} claimable items of a queue (pending and due, or leased with a lapsed
     * lease), highest priority first, then oldest. Each claim counts as an attempt; a lapsed item
     * that has used up its attempts is dead-lettered instead of claimed.
     *
     * @param queue    the queue
     * @param workerId who claims (recorded as lease owner)
     * @param max      the most items to claim (1-1000)
     * @param lease    how long the lease lasts
     * @return the leases, possibly none
     */
    List<Lease> claim(String queue, String workerId, int max, Duration lease);

    /**
     * @param lease  a held lease
     * @param extend how long from now the lease should last
     * @return the extended lease, empty if the lease was lost
     */
    Optional<Lease> extend(Lease lease, Duration extend);

    /**
     * Marks the item done. Idempotent for the lease that did the work: calling it again with the same
     * lease (after an answer lost on the way back) returns true and writes nothing more.
     *
     * @param lease a held lease
     * @return true if the item is done under this lease; false if the lease was lost (the item was not changed)
     */
    boolean complete(Lease lease);

    /**
     * Records a failed attempt: the item is retried after a backoff, or dead-lettered once it has
     * used {@code maxAttempts}.
     *
     * @param lease a held lease
     * @param error what went wrong
     * @return the item after the change, empty if the lease was lost
     */
    Optional<WorkItem> fail(Lease lease, String error);

    /**
     * Gives an item back without counting the attempt (graceful shutdown).
     *
     * @param lease a held lease
     * @return false if the lease was lost
     */
    boolean release(Lease lease);

    /**
     * Returns every item whose lease lapsed to pending (or dead when out of attempts). Claiming also
     * picks up lapsed items; this makes them visible to queries sooner.
     *
     * @return how many items were reclaimed
     */
    int reclaimExpired();

    /**
     * Moves a dead item back to pending with a fresh set of attempts.
     *
     * @param id the item
     * @return the item
     * @throws NotFoundException if there is no such item
     * @throws ConflictException if it is not dead
     */
    WorkItem retryDead(String id);

    /** @param id the id  @return the item, if this tenant has it */
    Optional<WorkItem> find(String id);

    /** @param filter the filter  @param page the page  @return matching items */
    Page<WorkItem> query(WorkItemFilter filter, PageRequest page);

    /** @param queue a queue  @return how many items it holds in each state (all states present) */
    Map<WorkStatus, Long> counts(String queue);
}
