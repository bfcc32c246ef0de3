/**
 * A client of the Materials Project API ({@link dev.orion.data.mp.MaterialsProjectClient}): typed
 * queries ({@link dev.orion.data.mp.MpQuery}) over {@code materials/summary}, {@code materials/thermo},
 * {@code materials/elasticity}, {@code materials/electronic_structure} and {@code materials/provenance},
 * each document mapped to a record that keeps the fields ORION does not model; one lazy stream over
 * pages and id chunks, retries that honour {@code Retry-After}, a response cache in memory and in the
 * tenant's store (purged of expired entries on its own), and typed errors under
 * {@link dev.orion.data.mp.MaterialsProjectException}.
 *
 * <p>This is the only package of orion-core that speaks HTTP (the architecture test allows exactly
 * it); LLM providers live in orion-llm.
 */
package dev.orion.data.mp;
