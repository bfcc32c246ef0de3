/**
 * An LLM agent driving the Cu-Ni alloy campaign through ORION's campaign tools ({@code AgentCampaign}), against
 * any OpenAI-compatible endpoint or, without one, a scripted model on a loopback server.
 */
package dev.orion.samples.agent;
