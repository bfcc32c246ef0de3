/**
 * The job service: calculations submitted as persisted jobs, run through the durable work queue
 * on engines and executors, with idempotency keys, retries, cancellation, events, provenance, reuse
 * of identical results and recovery of what was running when a JVM died. Start with
 * {@link dev.orion.core.jobs.JobService#builder(dev.orion.store.TenantStores)}.
 */
package dev.orion.core.jobs;
