package dev.orion.spring.autoconfigure;

import dev.orion.store.LlmCall;
import dev.orion.tenant.TenantId;

/**
 * Told of every call the auto-configured router records, cache hits included, as the record is written to the
 * call log (in the router's background writer, shortly after the call). Beans of this type are picked up by
 * {@link OrionLlmAutoConfiguration}; ORION's own is the router cache metrics
 * ({@code dev.orion.spring.metrics.LlmCacheMetrics}). An observer must be quick and must not throw.
 */
@FunctionalInterface
public interface LlmCallObserver {

    /**
     * @param tenant whose call it was
     * @param call   what happened
     */
    void recorded(TenantId tenant, LlmCall call);
}
