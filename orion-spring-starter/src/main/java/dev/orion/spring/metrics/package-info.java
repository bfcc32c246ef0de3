/**
 * Micrometer metrics of ORION's LLM router with OpenTelemetry's GenAI names
 * ({@link dev.orion.spring.metrics.GenAiMetricsLink}), registered by
 * {@link dev.orion.spring.metrics.OrionMetricsAutoConfiguration} when the application has a
 * {@code MeterRegistry}. Prompts and completions are never recorded.
 */
package dev.orion.spring.metrics;
