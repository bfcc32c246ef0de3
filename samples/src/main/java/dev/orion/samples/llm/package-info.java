/**
 * Samples of the LLM router: {@link dev.orion.samples.llm.CampaignAdvisorSample} routes a
 * campaign-style prompt through a profile with a fallback model against any OpenAI-compatible endpoint.
 */
package dev.orion.samples.llm;
