package dev.orion.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Consumer;

/**
 * The read side of one tenant's metered usage (LLM tokens and cost, compute core-seconds): per-day
 * and per-month aggregation and CSV export for billing. Applications get it from their tenant view;
 * the components that spend (the LLM router, the job service) record through {@link UsageStore}.
 */
public interface UsageHistory {

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
