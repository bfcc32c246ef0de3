/**
 * Benchmarks of the persistence layer on embedded PostgreSQL: LLM call-record ingest, work-queue
 * claims across workers, and the cost of the tenant filter and row-level security as a ratio.
 */
package dev.orion.bench.store;
