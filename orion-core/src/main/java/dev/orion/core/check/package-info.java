/**
 * Built-in {@link dev.orion.check.Check}s for materials: {@link dev.orion.core.check.NumericClaimCheck} (an
 * agent's numbers against the stored observations, with overrides), {@link dev.orion.core.check.JsonSchemaCheck},
 * {@link dev.orion.core.check.CompositionCheck} (element allowlist, charge neutrality, fractions),
 * {@link dev.orion.core.check.StructureCheck} (interatomic distances, density) and
 * {@link dev.orion.core.check.ResultCheck} (convergence, energy per atom).
 */
package dev.orion.core.check;
