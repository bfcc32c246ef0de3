package dev.orion.llm.router.log;

import dev.orion.store.LlmCallFilter;
import dev.orion.store.LlmCallRecord;
import dev.orion.tenant.TenantId;
import java.util.List;
import java.util.function.Consumer;

/**
 * Where the router keeps one record per call, by tenant, and how they are read back. It speaks the
 * types of each tenant's {@code dev.orion.store.LlmCallStore} ({@link LlmCallRecord}, {@link LlmCallFilter}),
 * so a record reads the same in the router's log, in an export and in the store, and it is read one
 * tenant at a time, as a store view is. Implementations: {@link InMemoryCallLog}, and the store-backed
 * log ({@code RouterStores.callLog()}) for several JVMs.
 */
public interface CallLog {

    /**
     * Stores a batch of one tenant's records (called from the recorder's writer thread). A record whose id
     * the tenant already has is skipped, so a batch retried after a failure is never stored twice.
     *
     * @param tenant  the tenant the calls were made for
     * @param records the records, with the ids the router gave the calls
     */
    void append(TenantId tenant, List<LlmCallRecord> records);

    /**
     * One page of a tenant's matching records, oldest first.
     *
     * @param tenant the tenant
     * @param filter which records
     * @param offset records to skip
     * @param limit  the page size (1..10,000)
     * @return the page
     */
    List<LlmCallRecord> query(TenantId tenant, LlmCallFilter filter, int offset, int limit);

    /** @param tenant the tenant @param filter which records @return how many of the tenant's records match */
    long count(TenantId tenant, LlmCallFilter filter);

    /**
     * Hands every matching record of a tenant to {@code sink}, oldest first.
     *
     * @param tenant the tenant
     * @param filter which records
     * @param sink   receives each record
     */
    void forEach(TenantId tenant, LlmCallFilter filter, Consumer<LlmCallRecord> sink);
}
