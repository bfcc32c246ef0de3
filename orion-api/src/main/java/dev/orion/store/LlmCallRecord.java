package dev.orion.store;

import java.util.Objects;

/**
 * A stored LLM call.
 *
 * @param id   its id: assigned by the store ({@link LlmCallStore#record}) or by the caller
 *             ({@link LlmCallStore#append}, the LLM router's call id); at most 64 characters
 * @param call what happened
 */
public record LlmCallRecord(String id, LlmCall call) {

    /** Validates. */
    public LlmCallRecord {
        StoreArguments.text("id", id, 64);
        Objects.requireNonNull(call, "call");
    }

    /** The CSV header matching {@link #toCsvRow()}. */
    public static final String CSV_HEADER = "id,time,project,run_id,feature,profile,provider,model,experiment,tokens_in,"
            + "tokens_out,tokens_cached,tokens_cache_write,cost_usd,latency_ms,outcome,cache_hit,fallback_path,request_id";

    /** @return this record as one CSV line (the fallback path joined by {@code >}; error text omitted) */
    public String toCsvRow() {
        LlmCall c = call;
        return String.join(",", Csv.field(id), c.time().toString(),
                Csv.field(c.project().map(dev.orion.tenant.ProjectId::value).orElse("")), Csv.field(c.runId().orElse("")),
                Csv.field(c.feature().orElse("")), Csv.field(c.profile()), Csv.field(c.provider()), Csv.field(c.model()),
                Csv.field(c.experiment().orElse("")), Long.toString(c.tokensIn()), Long.toString(c.tokensOut()),
                Long.toString(c.tokensCached()), Long.toString(c.tokensCacheWrite()), c.cost().toPlainString(),
                Double.toString(c.latency().toNanos() / 1e6), c.outcome().name(), Boolean.toString(c.cacheHit()),
                Csv.field(String.join(">", c.fallbackPath())), Csv.field(c.requestId().orElse("")));
    }
}
