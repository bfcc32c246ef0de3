package dev.orion.llm.router.log;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orion.llm.internal.CallRecordJson;
import dev.orion.store.LlmCallFilter;
import dev.orion.store.LlmCallRecord;
import dev.orion.tenant.TenantId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * Writes one tenant's call records as CSV (the columns of {@link LlmCallRecord#CSV_HEADER}, the same as
 * {@code LlmCallStore.exportCsv}) or as a JSON array, streaming from a {@link CallLog}.
 */
public final class CallLogExport {

    private CallLogExport() {
    }

    /**
     * Writes matching records as CSV, header line first.
     *
     * @param log    the log
     * @param tenant whose records
     * @param filter which records
     * @param out    where to write (not closed)
     * @return how many records were written
     */
    public static long csv(CallLog log, TenantId tenant, LlmCallFilter filter, Writer out) {
        try {
            out.write(LlmCallRecord.CSV_HEADER);
            out.write('\n');
            long[] n = {0};
            log.forEach(tenant, filter, r -> {
                try {
                    out.write(r.toCsvRow());
                    out.write('\n');
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
     * @param tenant whose records
     * @param filter which records
     * @param out    where to write (not closed)
     * @return how many records were written
     */
    public static long json(CallLog log, TenantId tenant, LlmCallFilter filter, Writer out) {
        try (JsonGenerator g = new ObjectMapper().getFactory().createGenerator(out)) {
            g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            g.writeStartArray();
            long[] n = {0};
            log.forEach(tenant, filter, r -> {
                try {
                    CallRecordJson.write(g, tenant, r);
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
}
