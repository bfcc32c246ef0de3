/**
 * The LLM router: {@link dev.orion.llm.router.LlmRouter} implements {@link dev.orion.llm.ChatModel} over
 * named {@link dev.orion.llm.router.Profile}s (models with fallbacks, parameters, cache, retry,
 * cooldown, budget, cost-cap and rate-limit policies) loaded from YAML or built in code
 * ({@link dev.orion.llm.router.ProfileSet}), with tenant and project overrides and atomic hot reload.
 *
 * <p>Each call runs through a chain of {@link dev.orion.llm.router.RouterLink}s, as OkHttp runs
 * interceptors: cache, user links, rate limit, budget, fallback, retry, model call. Sub-packages hold
 * the parts: {@code cache}, {@code cost}, {@code budget}, {@code ratelimit}, {@code log},
 * {@code analytics}, {@code experiment}.
 */
package dev.orion.llm.router;
