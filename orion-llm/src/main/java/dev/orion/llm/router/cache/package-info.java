/**
 * The router's deterministic response cache: {@link dev.orion.llm.internal.CacheKeys} (SHA-256 over
 * a canonical JSON of everything that changes an answer), {@link dev.orion.llm.internal.ResponseCache}
 * (Caffeine in front of a {@link dev.orion.llm.router.cache.CacheStore}, TTL per entry, invalidation per
 * profile and tenant, reaching other instances' memory through the store's invalidation generations,
 * single-flight for concurrent identical requests).
 */
package dev.orion.llm.router.cache;

