package dev.orion.llm.provider;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orion.llm.ChatChunk;
import dev.orion.llm.ChatResponse;
import dev.orion.llm.LlmProviderException;
import java.util.function.Consumer;

/** Assembles one streamed answer from its events; one instance per stream, single-threaded. */
interface StreamDecoder {

    /**
     * Consumes one event.
     *
     * @param event the SSE event name, or null (OpenAI and NDJSON have none)
     * @param data  the event's JSON payload
     * @param emit  receives the text pieces to hand to the caller
     * @throws LlmProviderException when the event is an error event
     * @throws MalformedAnswerException when the event has a bad shape
     */
    void onEvent(String event, JsonNode data, Consumer<ChatChunk> emit);

    /** Whether the stream's end marker was seen (after it, nothing else is read). */
    boolean complete();

    /** The assembled answer; only after {@link #complete()}. */
    ChatResponse finish();

    /** Handles an SSE data line that is not JSON (OpenAI's {@code [DONE]}); false if unexpected. */
    default boolean onRawData(String data) {
        return false;
    }
}
