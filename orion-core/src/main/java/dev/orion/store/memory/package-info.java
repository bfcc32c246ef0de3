/**
 * In-memory implementations of the store SPIs, for tests and notebooks: {@link dev.orion.store.memory.MemoryStores}.
 * They pass the same contract tests as the JDBC stores; data lives only as long as the object.
 */
package dev.orion.store.memory;
