/**
 * ORION's entry point: {@link dev.orion.core.Orion} (built once per application from stores,
 * engines, executors and an optional chat model; hands out {@link dev.orion.core.OrionTenant} views
 * with a tenant's structures, campaigns, audit log, API keys and job service) and {@link dev.orion.core.Stores} (factories for the embedded, PostgreSQL and in-memory stores).
 */
package dev.orion.core;
