package dev.orion.llm.router.log;

import java.util.List;
import java.util.function.Consumer;

/**
 * Where call records are kept, and how they are read back. Implementations: {@link InMemoryCallLog},
 * and the store-backed log over {@code dev.orion.store} for several JVMs.
 */
public interface CallLog {

    /** Stores a batch of records (called from the recorder's writer thread). @param records the records */
    void append(List<CallRecord> records);

    /**
     * One page of matching records, oldest first.
     *
     * @param filter which records
     * @param offset records to skip
     * @param limit  the page size (1..10,000)
     * @return the page
     */
    List<CallRecord> query(CallLogFilter filter, int offset, int limit);

    /** How many records match. @param filter which records @return the count */
    long count(CallLogFilter filter);

    /** Hands every matching record to {@code sink}, oldest first. @param filter which @param sink receiver */
    void forEach(CallLogFilter filter, Consumer<CallRecord> sink);
}
