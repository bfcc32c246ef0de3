/**
 * The orchestrator: advances campaigns on its own, per tenant and campaign, in the mode and on the
 * triggers stored in {@link dev.orion.store.OrchestratorSettings}, with at most one run per campaign across
 * every JVM on the same store (a fenced, expiring, renewed lease), and a persisted run history. What one run
 * does is a {@link dev.orion.core.orchestrator.CampaignStep}: by default one iteration of the campaign runner;
 * an LLM agent can be plugged in instead.
 */
package dev.orion.core.orchestrator;
