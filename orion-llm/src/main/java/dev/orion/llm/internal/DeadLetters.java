package dev.orion.llm.internal;


import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orion.store.LlmCallRecord;
import dev.orion.tenant.TenantId;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the recorder sets aside a record its log cannot take (the store rejects it, or stays away too
 * long): a JSON-lines file when one is configured (one object per line: {@code reason}, {@code at} and the
 * record as {@link dev.orion.llm.router.log.CallLogExport#json} writes it), else memory, up to {@link #MEMORY_LIMIT} records.
 * Every record set aside is logged at ERROR and counted; one that fits nowhere (memory full, file
 * unwritable) is counted as lost and logged in full.
 */
final class DeadLetters {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);
    static final int MEMORY_LIMIT = 10_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Optional<Path> file;
    private final Deque<AsyncCallRecorder.DeadLetter> memory = new ArrayDeque<>();
    private long count;
    private long lost;

    DeadLetters(Optional<Path> file) {
        this.file = file;
    }

    synchronized void put(TenantId tenant, LlmCallRecord record, String reason, Instant at) {
        count++;
        LOG.error("LLM call record {} of tenant {} set aside{}: {}", record.id(), tenant,
                file.map(f -> " in " + f).orElse(""), reason);
        String line = line(tenant, record, reason, at);
        if (file.isPresent()) {
            try {
                Files.writeString(file.get(), line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND, StandardOpenOption.WRITE);
                return;
            } catch (IOException e) {
                LOG.error("cannot write the dead-letter file {}: {}", file.get(), e.toString());
            }
        }
        if (memory.size() < MEMORY_LIMIT) {
            memory.add(new AsyncCallRecorder.DeadLetter(tenant, record, reason, at));
        } else {
            lost++;
            LOG.error("dead letters full ({} in memory): LLM call record lost: {}", MEMORY_LIMIT, line);
        }
    }

    synchronized long count() {
        return count;
    }

    synchronized long lost() {
        return lost;
    }

    synchronized List<AsyncCallRecorder.DeadLetter> inMemory() {
        return List.copyOf(memory);
    }

    private static String line(TenantId tenant, LlmCallRecord record, String reason, Instant at) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("reason", reason);
            g.writeStringField("at", at.toString());
            g.writeFieldName("record");
            CallRecordJson.write(g, tenant, record);
            g.writeEndObject();
        } catch (IOException e) {
            return "{\"reason\":\"unserialisable record " + record.id() + "\"}";
        }
        return out.toString();
    }
}
