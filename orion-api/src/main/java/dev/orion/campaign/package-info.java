/**
 * The vocabulary of closed-loop design campaigns: what may be varied ({@link dev.orion.campaign.DesignSpace},
 * parameters, constraints), what is wanted ({@link dev.orion.campaign.Goal}: objectives and outcome
 * constraints), what was tried and seen ({@link dev.orion.campaign.Candidate},
 * {@link dev.orion.campaign.Observation}), and the SPIs that close the loop:
 * {@link dev.orion.campaign.Strategy} (what to try next), {@link dev.orion.campaign.Surrogate} (a model
 * of outcomes), {@link dev.orion.campaign.Acquisition} (how much a point is worth trying),
 * {@link dev.orion.campaign.Selector} (active learning over a pool) and
 * {@link dev.orion.campaign.Evaluator} (the I/O side that measures a candidate).
 *
 * <p>Strategies, surrogates, acquisitions and selectors are pure: given the same inputs and seed they
 * return the same answer and do no I/O, so a campaign runner can persist their inputs and resume.
 *
 * <pre>{@code
 * DesignSpace space = ParameterSpace.builder()
 *         .add(ContinuousParameter.of("temperature", 300, 1200))
 *         .add(ContinuousParameter.logScale("pressure", 1e-3, 10))
 *         .add(CategoricalParameter.of("solvent", "water", "ethanol"))
 *         .build();
 * Goal goal = Goal.builder().minimize("formation_energy")
 *         .constraint(OutcomeConstraint.between("band_gap", 1.5, 3.0, "eV")).build();
 * }</pre>
 */
package dev.orion.campaign;
