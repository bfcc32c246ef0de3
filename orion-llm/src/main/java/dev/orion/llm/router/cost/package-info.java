/**
 * What LLM calls cost: {@link dev.orion.llm.router.cost.PriceTable} (a bundled table of list prices
 * per million tokens, with overrides) and {@link dev.orion.llm.router.cost.ModelPrice}, which prices a
 * {@link dev.orion.llm.Usage} with cached and cache-write tokens at their own rates.
 */
package dev.orion.llm.router.cost;
