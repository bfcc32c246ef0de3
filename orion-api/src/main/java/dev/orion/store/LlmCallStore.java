package dev.orion.store;

import java.util.List;

/**
 * One record per LLM call of one tenant: the source of per-model analytics, cost reports and
 * A/B comparisons. Records are append-only telemetry and are not audited again.
 *
 * <p>This is the writer's SPI (the LLM router records through it); applications read the records
 * through {@link LlmCallHistory}, which is what their tenant view hands out.
 */
public interface LlmCallStore extends LlmCallHistory {

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
}
