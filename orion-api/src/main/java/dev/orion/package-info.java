/**
 * The root of ORION's vocabulary: {@link dev.orion.OrionException} and its typed subclasses.
 * The sub-packages hold the types and SPIs of each capability (structures, engines, campaigns,
 * LLM, tenancy, stores, events).
 */
package dev.orion;
