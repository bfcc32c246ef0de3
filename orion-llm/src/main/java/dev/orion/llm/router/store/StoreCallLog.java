package dev.orion.llm.router.store;

import dev.orion.llm.router.log.CallLog;
import dev.orion.store.LlmCall;
import dev.orion.store.LlmCallFilter;
import dev.orion.store.LlmCallRecord;
import dev.orion.store.LlmCallStore;
import dev.orion.store.Page;
import dev.orion.store.PageRequest;
import dev.orion.store.TenantStores;
import dev.orion.store.UsageRecord;
import dev.orion.tenant.TenantId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link CallLog} over each tenant's {@code LlmCallStore}: the router's call id is the stored record's
 * id ({@code LlmCallStore.append}), so the id a caller saw is the one it finds in the store, and a batch
 * the recorder retries is never stored twice. Each newly stored call is also metered in the tenant's usage.
 */
final class StoreCallLog implements CallLog {

    private static final Logger LOG = LoggerFactory.getLogger(StoreCallLog.class);

    private final RouterStores stores;

    StoreCallLog(RouterStores stores) {
        this.stores = stores;
    }

    /**
     * Stores the records and meters them in the tenant's usage. A record the log already had (a batch retried
     * after a failure that hid its commit) is not metered again; when only part of a batch is new, which part
     * cannot be told, so that batch's usage is left out and said in the log rather than billed twice.
     */
    @Override
    public void append(TenantId tenant, List<LlmCallRecord> records) {
        TenantStores s = stores.tenant(tenant);
        List<LlmCallRecord> distinct = records.stream().filter(distinctById()).toList();
        int stored = s.llmCalls().append(distinct);
        if (stored == distinct.size()) {
            s.usage().recordAll(distinct.stream().map(StoreCallLog::usage).toList());
        } else if (stored > 0) {
            LOG.warn("{} of {} LLM call records of tenant {} were already stored; their batch is not metered in usage",
                    distinct.size() - stored, distinct.size(), tenant.value());
        }
    }

    private static Predicate<LlmCallRecord> distinctById() {
        Set<String> seen = new HashSet<>();
        return r -> seen.add(r.id());
    }

    /** @return the usage one routed call meters: its tokens and dollars, under its feature (or its profile) */
    private static UsageRecord usage(LlmCallRecord record) {
        LlmCall c = record.call();
        UsageRecord u = UsageRecord.llm(c.project(), c.feature().orElse("llm:" + c.profile()), c.tokensIn(),
                c.tokensOut(), c.cost(), c.time());
        return c.runId().map(u::withRunId).orElse(u);
    }

    @Override
    public List<LlmCallRecord> query(TenantId tenant, LlmCallFilter filter, int offset, int limit) {
        if (offset < 0 || limit < 1 || limit > PageRequest.MAX_LIMIT) {
            throw new IllegalArgumentException("need offset >= 0 and 1 <= limit <= 10000, were " + offset + " and " + limit);
        }
        LlmCallStore calls = stores.tenant(tenant).llmCalls();
        List<LlmCallRecord> out = new ArrayList<>();
        int skipped = 0;
        PageRequest page = PageRequest.first(Math.min(PageRequest.MAX_LIMIT, offset + limit));
        while (true) {
            Page<LlmCallRecord> p = calls.query(filter, page);
            for (LlmCallRecord r : p.items()) {
                if (skipped++ < offset) {
                    continue;
                }
                out.add(r);
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
    public long count(TenantId tenant, LlmCallFilter filter) {
        return stores.tenant(tenant).llmCalls().count(filter);
    }

    @Override
    public void forEach(TenantId tenant, LlmCallFilter filter, Consumer<LlmCallRecord> sink) {
        stores.tenant(tenant).llmCalls().forEach(filter, sink);
    }
}
