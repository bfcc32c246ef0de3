package dev.orion.spring.metrics;

import dev.orion.spring.autoconfigure.LlmCallObserver;
import dev.orion.store.LlmCall;
import dev.orion.tenant.TenantId;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The router's cache as Micrometer sees Caffeine's: counter {@code orion.llm.cache.gets} with
 * {@code result=hit|miss} and {@code orion.profile}, counted from the router's call records (every routed call
 * that got an answer or an error is one get). Registered by {@link OrionMetricsAutoConfiguration}.
 */
public final class LlmCacheMetrics implements LlmCallObserver {

    /** The counter's name. */
    public static final String GETS = "orion.llm.cache.gets";

    private final MeterRegistry registry;

    /** @param registry where the counter goes */
    public LlmCacheMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void recorded(TenantId tenant, LlmCall call) {
        Counter.builder(GETS).description("LLM calls answered by the router's cache (hit) or not (miss)")
                .tag("result", call.cacheHit() ? "hit" : "miss").tag("orion.profile", call.profile())
                .register(registry).increment();
    }

    @Override
    public String toString() {
        return "LlmCacheMetrics";
    }
}
