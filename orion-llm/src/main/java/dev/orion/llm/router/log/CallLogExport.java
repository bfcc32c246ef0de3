package dev.orion.llm.router.log;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/** Writes call records as CSV (RFC 4180, header row) or as a JSON array, streaming from a {@link CallLog}. */
public final class CallLogExport {

    private static final String[] HEADER = {"id", "time", "tenant", "project", "run_id", "profile", "provider", "model",
        "experiment", "input_tokens", "output_tokens", "cached_tokens", "cache_write_tokens", "cost_usd", "latency_ms",
        "outcome", "cache_hit", "fallback_path", "request_id", "error"};

    private CallLogExport() {
    }

    /**
     * Writes matching records as CSV.
     *
     * @param log    the log
     * @param filter which records
     * @param out    where to write (not closed)
     * @return how many records were written
     */
    public static long csv(CallLog log, CallLogFilter filter, Writer out) {
        try {
            out.write(String.join(",", HEADER));
            out.write("\r\n");
            long[] n = {0};
            log.forEach(filter, r -> {
                try {
                    String[] f = {r.id(), r.time().toString(), r.tenant(), r.project().orElse(""), r.runId().orElse(""),
                        r.profile(), r.provider(), r.model(), r.experiment().orElse(""), Long.toString(r.inputTokens()),
                        Long.toString(r.outputTokens()), Long.toString(r.cachedTokens()), Long.toString(r.cacheWriteTokens()),
                        r.costUsd().toPlainString(), Double.toString(r.latency().toNanos() / 1e6), r.outcome().name(),
                        Boolean.toString(r.cacheHit()), String.join(">", r.fallbackPath()), r.requestId().orElse(""),
                        r.error().orElse("")};
                    for (int i = 0; i < f.length; i++) {
                        if (i > 0) {
                            out.write(',');
                        }
                        out.write(escape(f[i]));
                    }
                    out.write("\r\n");
                    n[0]++;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            out.flush();
            return n[0];
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the call log CSV", e);
        }
    }

    /**
     * Writes matching records as a JSON array of objects.
     *
     * @param log    the log
     * @param filter which records
     * @param out    where to write (not closed)
     * @return how many records were written
     */
    public static long json(CallLog log, CallLogFilter filter, Writer out) {
        try (JsonGenerator g = new ObjectMapper().getFactory().createGenerator(out)) {
            g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            g.writeStartArray();
            long[] n = {0};
            log.forEach(filter, r -> {
                try {
                    g.writeStartObject();
                    g.writeStringField("id", r.id());
                    g.writeStringField("time", r.time().toString());
                    g.writeStringField("tenant", r.tenant());
                    g.writeStringField("project", r.project().orElse(null));
                    g.writeStringField("runId", r.runId().orElse(null));
                    g.writeStringField("profile", r.profile());
                    g.writeStringField("provider", r.provider());
                    g.writeStringField("model", r.model());
                    g.writeStringField("experiment", r.experiment().orElse(null));
                    g.writeNumberField("inputTokens", r.inputTokens());
                    g.writeNumberField("outputTokens", r.outputTokens());
                    g.writeNumberField("cachedTokens", r.cachedTokens());
                    g.writeNumberField("cacheWriteTokens", r.cacheWriteTokens());
                    g.writeNumberField("costUsd", r.costUsd());
                    g.writeNumberField("latencyMs", r.latency().toNanos() / 1e6);
                    g.writeStringField("outcome", r.outcome().name());
                    g.writeBooleanField("cacheHit", r.cacheHit());
                    g.writeArrayFieldStart("fallbackPath");
                    for (String m : r.fallbackPath()) {
                        g.writeString(m);
                    }
                    g.writeEndArray();
                    g.writeStringField("requestId", r.requestId().orElse(null));
                    g.writeStringField("error", r.error().orElse(null));
                    g.writeEndObject();
                    n[0]++;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            g.writeEndArray();
            g.flush();
            return n[0];
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the call log JSON", e);
        }
    }

    private static String escape(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
