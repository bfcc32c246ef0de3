package dev.orion.llm.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.orion.store.LlmCall;
import dev.orion.store.LlmCallRecord;
import dev.orion.tenant.ProjectId;
import dev.orion.tenant.TenantId;
import java.io.IOException;

/** One LLM call record as a JSON object: the shape of the call-log JSON export and of dead letters. */
public final class CallRecordJson {

    private CallRecordJson() {
    }

    /**
     * Writes one record as a JSON object.
     *
     * @param g      where to write
     * @param tenant the record's tenant
     * @param r      the record
     * @throws IOException if the generator cannot write
     */
    public static void write(JsonGenerator g, TenantId tenant, LlmCallRecord r) throws IOException {
        LlmCall c = r.call();
        g.writeStartObject();
        g.writeStringField("id", r.id());
        g.writeStringField("time", c.time().toString());
        g.writeStringField("tenant", tenant.value());
        g.writeStringField("project", c.project().map(ProjectId::value).orElse(null));
        g.writeStringField("runId", c.runId().orElse(null));
        g.writeStringField("feature", c.feature().orElse(null));
        g.writeStringField("profile", c.profile());
        g.writeStringField("provider", c.provider());
        g.writeStringField("model", c.model());
        g.writeStringField("experiment", c.experiment().orElse(null));
        g.writeNumberField("tokensIn", c.tokensIn());
        g.writeNumberField("tokensOut", c.tokensOut());
        g.writeNumberField("tokensCached", c.tokensCached());
        g.writeNumberField("tokensCacheWrite", c.tokensCacheWrite());
        g.writeNumberField("costUsd", c.cost());
        g.writeNumberField("latencyMs", c.latency().toNanos() / 1e6);
        g.writeStringField("outcome", c.outcome().name());
        g.writeBooleanField("cacheHit", c.cacheHit());
        g.writeArrayFieldStart("fallbackPath");
        for (String m : c.fallbackPath()) {
            g.writeString(m);
        }
        g.writeEndArray();
        g.writeStringField("requestId", c.requestId().orElse(null));
        g.writeStringField("error", c.error().orElse(null));
        g.writeEndObject();
    }
}
