package dev.orion.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One record per LLM call of one tenant: the source of per-model analytics, cost reports and
 * A/B comparisons. Records are append-only telemetry and are not audited again.
 */
public interface LlmCallStore {

    /** @param call what happened  @return the stored record, with an id the store assigned */
    LlmCallRecord record(LlmCall call);

    /**
     * Stores many calls in one batch (one transaction).
     *
     * @param calls what happened
     * @return how many were stored
     */
    int recordAll(List<LlmCall> calls);

    /**
     * Stores records whose ids the caller assigned, in one batch (one transaction). This is how the
     * LLM router writes its log: each routed call gets its id when it happens (the id its caller and
     * its analytics see), and that id is the stored record's id, so {@link #find(String)} finds it.
     * A record whose id this tenant already has is skipped, so a batch retried after a failure that
     * hid a commit never stores a call twice.
     *
     * @param records the calls with their ids (at most 64 characters each)
     * @return how many were newly stored
     */
    int append(List<LlmCallRecord> records);

    /** @param id the id  @return the record, if this tenant has it */
    Optional<LlmCallRecord> find(String id);

    /** @param filter the filter  @param page the page  @return matching records */
    Page<LlmCallRecord> query(LlmCallFilter filter, PageRequest page);

    /** @param filter the filter  @return how many records match */
    long count(LlmCallFilter filter);

    /**
     * Streams matching records oldest first without holding them all in memory (for export).
     *
     * @param filter the filter
     * @param sink   receives each record
     */
    void forEach(LlmCallFilter filter, Consumer<LlmCallRecord> sink);

    /**
     * Streams matching records as CSV (header line first), oldest first.
     *
     * @param filter the filter
     * @param out    where to write
     */
    default void exportCsv(LlmCallFilter filter, Appendable out) {
        try {
            out.append(LlmCallRecord.CSV_HEADER).append('\n');
            forEach(filter, r -> {
                try {
                    out.append(r.toCsvRow()).append('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("writing LLM call CSV failed", e);
        }
    }

    /**
     * @param filter   the filter
     * @param grouping how to group
     * @return totals per group, ordered by key
     */
    List<LlmCallAggregate> aggregate(LlmCallFilter filter, LlmCallGrouping grouping);
}
