/**
 * Sliding-window analytics of routed calls per model and per profile: count, success rate, latency
 * percentiles, tokens and cost ({@link dev.orion.llm.router.analytics.WindowStats}), and top performers
 * by any of these ({@link dev.orion.llm.router.analytics.CallAnalytics#top}).
 */
package dev.orion.llm.router.analytics;
