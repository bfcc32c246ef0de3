/**
 * ORION's entry point: {@link dev.orion.core.Orion} (built once per application, hands out tenant
 * views) and {@link dev.orion.core.Stores} (factories for the embedded, PostgreSQL and in-memory stores).
 */
package dev.orion.core;
