/**
 * Runs handlers over the durable work queue: {@link dev.orion.core.work.QueueWorker} claims items
 * under leases, keeps the leases alive while a handler runs, completes or fails each item, and shuts
 * down gracefully (stop claiming, finish or release what is in hand).
 */
package dev.orion.core.work;
