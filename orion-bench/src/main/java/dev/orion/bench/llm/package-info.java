/**
 * Benchmarks of the LLM router: its added latency over a raw OkHttp call to the same loopback server,
 * cache-hit latency and cached throughput ({@link dev.orion.bench.llm.LlmRouterBenchmark}).
 */
package dev.orion.bench.llm;
