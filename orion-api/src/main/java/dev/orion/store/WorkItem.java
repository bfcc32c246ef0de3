package dev.orion.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An item of the durable work queue.
 *
 * @param id             the id assigned by the store
 * @param queue          the queue name
 * @param payload        what to do (opaque to the store, usually JSON)
 * @param idempotencyKey the caller's key that makes enqueueing idempotent, if any
 * @param status         the state
 * @param priority       higher is claimed first
 * @param attempts       how many times it was claimed
 * @param maxAttempts    after this many failed attempts it goes to {@link WorkStatus#DEAD}
 * @param availableAt    not claimed before this time (delays and retry backoff)
 * @param leaseOwner     the worker holding it, while leased
 * @param leaseExpiresAt when the lease lapses, while leased
 * @param lastError      the last failure message, if any
 * @param createdAt      when enqueued
 * @param updatedAt      when last changed
 */
public record WorkItem(String id, String queue, String payload, Optional<String> idempotencyKey, WorkStatus status,
                       int priority, int attempts, int maxAttempts, Instant availableAt, Optional<String> leaseOwner,
                       Optional<Instant> leaseExpiresAt, Optional<String> lastError, Instant createdAt,
                       Instant updatedAt) {

    /** Validates. */
    public WorkItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(availableAt, "availableAt");
        Objects.requireNonNull(leaseOwner, "leaseOwner");
        Objects.requireNonNull(leaseExpiresAt, "leaseExpiresAt");
        Objects.requireNonNull(lastError, "lastError");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
