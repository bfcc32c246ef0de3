/**
 * An LLM agent that steers a design campaign through typed tools: {@link dev.orion.core.campaign.agent.CampaignAgent}
 * is a {@link dev.orion.core.campaign.runner.ProposalStep} of the campaign runner, so the agent never bypasses the
 * runner: its proposals are candidates that checks ({@link dev.orion.check.Check}) judge before anything runs, and
 * its submissions are evaluations the runner persists and budgets. See {@code docs/agents.md}.
 */
package dev.orion.core.campaign.agent;
