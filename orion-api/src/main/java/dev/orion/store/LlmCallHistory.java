package dev.orion.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The read side of one tenant's LLM call records: look-ups, queries, aggregates for per-model
 * analytics and cost reports, and CSV export. Applications get it from their tenant view; only the
 * LLM router writes records (through {@link LlmCallStore}).
 */
public interface LlmCallHistory {

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
