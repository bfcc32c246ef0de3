package dev.orion.llm.router.store;

import dev.orion.llm.router.log.CallLog;
import dev.orion.store.LlmCallFilter;
import dev.orion.store.LlmCallRecord;
import dev.orion.store.LlmCallStore;
import dev.orion.store.Page;
import dev.orion.store.PageRequest;
import dev.orion.tenant.TenantId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A {@link CallLog} over each tenant's {@code LlmCallStore}: the router's call id is the stored record's
 * id ({@code LlmCallStore.append}), so the id a caller saw is the one it finds in the store, and a batch
 * the recorder retries is never stored twice.
 */
final class StoreCallLog implements CallLog {

    private final RouterStores stores;

    StoreCallLog(RouterStores stores) {
        this.stores = stores;
    }

    @Override
    public void append(TenantId tenant, List<LlmCallRecord> records) {
        stores.tenant(tenant).llmCalls().append(records);
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
