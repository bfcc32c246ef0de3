package dev.orion.spring.autoconfigure;

import dev.orion.llm.router.log.CallLog;
import dev.orion.store.LlmCallFilter;
import dev.orion.store.LlmCallRecord;
import dev.orion.tenant.TenantId;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The router's call log, telling {@link LlmCallObserver}s of each record once it is stored. */
final class ObservedCallLog implements CallLog {

    private static final Logger LOG = LoggerFactory.getLogger(ObservedCallLog.class);

    private final CallLog log;
    private final List<LlmCallObserver> observers;

    ObservedCallLog(CallLog log, List<LlmCallObserver> observers) {
        this.log = log;
        this.observers = List.copyOf(observers);
    }

    @Override
    public void append(TenantId tenant, List<LlmCallRecord> records) {
        log.append(tenant, records);
        for (LlmCallRecord r : records) {
            for (LlmCallObserver o : observers) {
                try {
                    o.recorded(tenant, r.call());
                } catch (RuntimeException e) {
                    // an observer's bug must not make the router set the records aside as undeliverable
                    LOG.warn("LLM call observer {} failed: {}", o, e.toString());
                }
            }
        }
    }

    @Override
    public List<LlmCallRecord> query(TenantId tenant, LlmCallFilter filter, int offset, int limit) {
        return log.query(tenant, filter, offset, limit);
    }

    @Override
    public long count(TenantId tenant, LlmCallFilter filter) {
        return log.count(tenant, filter);
    }

    @Override
    public void forEach(TenantId tenant, LlmCallFilter filter, Consumer<LlmCallRecord> sink) {
        log.forEach(tenant, filter, sink);
    }
}
