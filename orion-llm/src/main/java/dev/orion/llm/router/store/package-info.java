/**
 * The router's state kept in ORION's stores ({@code dev.orion.store}), so that call logs, cached
 * answers, budgets and rate limits hold across every JVM that shares the database:
 * {@link dev.orion.llm.router.store.RouterStores} adapts an {@link dev.orion.store.OrionStores} to the
 * router's {@code CallLog}, {@code CacheStore}, {@code BudgetLedger} and {@code RateLimiter}.
 */
package dev.orion.llm.router.store;
