package dev.orion.llm.router.store;

import dev.orion.llm.router.log.CallLog;
import dev.orion.llm.router.log.CallLogFilter;
import dev.orion.llm.router.log.CallRecord;
import dev.orion.store.LlmCall;
import dev.orion.store.LlmCallFilter;
import dev.orion.store.LlmCallRecord;
import dev.orion.store.Page;
import dev.orion.store.PageRequest;
import dev.orion.tenant.ProjectId;
import dev.orion.tenant.TenantId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link CallLog} over each tenant's {@code LlmCallStore}. Appends are batched per tenant and keep
 * the router's call id as the stored record's id ({@code LlmCallStore.append}), so the id a caller
 * saw is the one it finds in the store, and a batch the recorder retries is never stored twice.
 * Reads need a tenant in the filter, because every store view is bound to one tenant.
 */
final class StoreCallLog implements CallLog {

    private static final Logger LOG = LoggerFactory.getLogger(StoreCallLog.class);

    private final RouterStores stores;

    StoreCallLog(RouterStores stores) {
        this.stores = stores;
    }

    @Override
    public void append(List<CallRecord> records) {
        Map<TenantId, List<LlmCallRecord>> byTenant = new LinkedHashMap<>();
        for (CallRecord r : records) {
            TenantId tenant;
            LlmCallRecord stored;
            try {
                tenant = TenantId.of(r.tenant());
                stored = new LlmCallRecord(r.id(), toStore(r));
            } catch (IllegalArgumentException unstorable) {
                // the recorder retries a failed batch until it is written: one record the store can never
                // take must not hold up every later one. Requests check their tenant and labels when built,
                // so this is left for what they do not carry (e.g. a provider name over 100 characters)
                LOG.error("LLM call {} of tenant '{}' cannot be stored and is left out of the call log: {}", r.id(),
                        r.tenant(), unstorable.getMessage());
                continue;
            }
            byTenant.computeIfAbsent(tenant, t -> new ArrayList<>()).add(stored);
        }
        byTenant.forEach((tenant, calls) -> stores.tenant(tenant).llmCalls().append(calls));
    }

    @Override
    public List<CallRecord> query(CallLogFilter filter, int offset, int limit) {
        if (offset < 0 || limit < 1 || limit > PageRequest.MAX_LIMIT) {
            throw new IllegalArgumentException("need offset >= 0 and 1 <= limit <= 10000, were " + offset + " and " + limit);
        }
        String tenant = tenantOf(filter);
        LlmCallFilter storeFilter = toStore(filter);
        List<CallRecord> out = new ArrayList<>();
        int skipped = 0;
        PageRequest page = PageRequest.first(Math.min(PageRequest.MAX_LIMIT, offset + limit));
        while (true) {
            Page<LlmCallRecord> p = stores.tenant(tenant).llmCalls().query(storeFilter, page);
            for (LlmCallRecord r : p.items()) {
                if (skipped++ < offset) {
                    continue;
                }
                out.add(fromStore(tenant, r));
                if (out.size() == limit) {
                    return List.copyOf(out);
                }
            }
            if (!p.hasNext()) {
                return List.copyOf(out);
            }
            page = p.next(page);
        }
    }

    @Override
    public long count(CallLogFilter filter) {
        return stores.tenant(tenantOf(filter)).llmCalls().count(toStore(filter));
    }

    @Override
    public void forEach(CallLogFilter filter, Consumer<CallRecord> sink) {
        String tenant = tenantOf(filter);
        stores.tenant(tenant).llmCalls().forEach(toStore(filter), r -> sink.accept(fromStore(tenant, r)));
    }

    private static String tenantOf(CallLogFilter filter) {
        return filter.tenant().orElseThrow(() -> new IllegalArgumentException(
                "the store-backed call log is read one tenant at a time: set CallLogFilter.tenant(...)"));
    }

    static LlmCall toStore(CallRecord r) {
        LlmCall.Builder b = LlmCall.builder().profile(r.profile()).provider(r.provider()).model(r.model())
                .tokensIn(r.inputTokens()).tokensOut(r.outputTokens()).tokensCached(r.cachedTokens())
                .tokensCacheWrite(r.cacheWriteTokens()).cost(r.costUsd()).latency(r.latency())
                .outcome(r.outcome()).cacheHit(r.cacheHit()).fallbackPath(r.fallbackPath())
                .time(r.time());
        r.project().ifPresent(p -> b.project(ProjectId.of(p)));
        r.runId().ifPresent(b::runId);
        r.experiment().ifPresent(b::experiment);
        r.requestId().ifPresent(b::requestId);
        r.error().ifPresent(b::error);
        return b.build();
    }

    static CallRecord fromStore(String tenant, LlmCallRecord stored) {
        LlmCall c = stored.call();
        return new CallRecord(stored.id(), c.time(), tenant, c.project().map(ProjectId::value), c.runId(), c.profile(),
                c.provider(), c.model(), c.experiment(), c.tokensIn(), c.tokensOut(), c.tokensCached(), c.tokensCacheWrite(),
                c.cost(), c.latency(), c.outcome(), c.cacheHit(), c.fallbackPath(),
                c.requestId(), c.error());
    }

    private static LlmCallFilter toStore(CallLogFilter f) {
        return new LlmCallFilter(f.project().map(ProjectId::of), f.runId(), f.profile(), f.model(), f.outcome(),
                f.cacheHit(), f.from(), f.to());
    }
}
