/**
 * Rate limits: {@link dev.orion.llm.router.ratelimit.RateLimitRule}s (requests and tokens per minute per
 * tenant, API key or model) enforced by a {@link dev.orion.llm.router.ratelimit.RateLimiter}: the local
 * token buckets of {@link dev.orion.llm.router.ratelimit.LocalRateLimiter}, or buckets kept in the store
 * so that a limit holds across instances.
 */
package dev.orion.llm.router.ratelimit;
