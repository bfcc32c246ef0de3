/**
 * Tenant-aware persistence SPIs: one store per aggregate, each bound to one tenant.
 *
 * <p>{@link dev.orion.store.OrionStores} is the entry point: {@code stores.tenant(tenant, actor)}
 * hands out a {@link dev.orion.store.TenantStores} view whose stores read and write only that
 * tenant's rows; no method takes a tenant id. Cross-tenant reports go through
 * {@link dev.orion.store.AdminStores}, whose use is itself audited.
 *
 * <p>Mutations of business data (structures, jobs, campaigns, budgets, API keys, provenance, work
 * items) write exactly one {@link dev.orion.store.AuditEvent} in the same transaction; a mutation that
 * fails writes none. High-volume telemetry (LLM call records, usage records, cache entries,
 * rate-limit buckets, budget reservations) and derived data ({@link dev.orion.store.VectorIndex} vectors)
 * are not audited again.
 *
 * <p>Queries take typed filters and return {@link dev.orion.store.Page}s with keyset cursors.
 */
package dev.orion.store;
