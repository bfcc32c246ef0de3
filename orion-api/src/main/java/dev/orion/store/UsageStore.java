package dev.orion.store;

import java.util.List;

/**
 * Metered usage of one tenant (LLM tokens and cost, compute core-seconds) with per-day and per-month
 * aggregation and CSV export for billing. Records are append-only accounting, not audited.
 *
 * <p>This is the writer's SPI (the LLM router and the job service meter through it); applications
 * read usage through {@link UsageHistory}, which is what their tenant view hands out.
 */
public interface UsageStore extends UsageHistory {

    /** @param record the usage to record */
    void record(UsageRecord record);

    /** @param records usage to record in one batch  @return how many were stored */
    int recordAll(List<UsageRecord> records);
}
