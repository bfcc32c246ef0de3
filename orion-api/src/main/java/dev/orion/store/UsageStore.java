package dev.orion.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Consumer;

/**
 * Metered usage of one tenant (LLM tokens and cost, compute core-seconds) with per-day and per-month
 * aggregation and CSV export for billing. Records are append-only accounting, not audited.
 */
public interface UsageStore {

    /** @param record the usage to record */
    void record(UsageRecord record);

    /** @param records usage to record in one batch  @return how many were stored */
    int recordAll(List<UsageRecord> records);

    /**
     * @param filter      the filter
     * @param granularity day or month
     * @return totals ordered by period, project, kind, feature
     */
    List<UsageAggregate> aggregate(UsageFilter filter, UsageGranularity granularity);

    /** @param filter the filter  @param sink receives each record, oldest first */
    void forEach(UsageFilter filter, Consumer<UsageRecord> sink);

    /**
     * Writes the aggregation as CSV with a header line.
     *
     * @param filter      the filter
     * @param granularity day or month
     * @param out         where to write
     */
    default void exportCsv(UsageFilter filter, UsageGranularity granularity, Appendable out) {
        try {
            out.append(UsageAggregate.CSV_HEADER).append('\n');
            for (UsageAggregate a : aggregate(filter, granularity)) {
                out.append(a.toCsvRow()).append('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing usage CSV failed", e);
        }
    }
}
