/**
 * Hand-offs between scales: quantities computed by an atomistic engine become the inputs of a
 * continuum or mesoscale model, with provenance links from the model's job back to the atomistic
 * jobs. {@link dev.orion.core.multiscale.ElasticConstants} turns strained-cell calculations into the
 * cubic elasticity of a CalculiX material; {@link dev.orion.core.multiscale.PhaseFieldMobility} turns
 * a diffusion coefficient from molecular dynamics into a Cahn-Hilliard mobility. In a workflow, the
 * {@code elastic.cubic} and {@code continuum} step types do the first hand-off (see docs/workflows.md).
 */
package dev.orion.core.multiscale;
