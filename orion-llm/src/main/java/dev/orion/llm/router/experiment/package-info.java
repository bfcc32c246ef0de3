/**
 * A/B experiments over profiles: an {@link dev.orion.llm.router.experiment.Experiment} splits the
 * requests of one profile between weighted variants (each another profile), assigning each subject
 * deterministically by a hash of experiment and subject; {@link dev.orion.llm.router.experiment.Experiments}
 * records outcomes and user scores and reports {@link dev.orion.llm.router.experiment.ExperimentResults}
 * with confidence intervals, significance tests against the control and a stop rule.
 */
package dev.orion.llm.router.experiment;
