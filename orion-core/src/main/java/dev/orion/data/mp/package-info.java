/**
 * A client of the Materials Project API ({@link dev.orion.data.mp.MaterialsProjectClient}): typed
 * queries over {@code materials/summary}, one lazy stream over pages and id chunks, retries that
 * honour {@code Retry-After}, a response cache, and typed errors under
 * {@link dev.orion.data.mp.MaterialsProjectException}.
 *
 * <p>This is the only package of orion-core that speaks HTTP (the architecture test allows exactly
 * it); LLM providers live in orion-llm.
 */
package dev.orion.data.mp;
