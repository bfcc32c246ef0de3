package dev.orion.store;

import java.util.Objects;

/**
 * A stored LLM call.
 *
 * @param id   the id assigned by the store
 * @param call what happened
 */
public record LlmCallRecord(String id, LlmCall call) {

    /** Validates. */
    public LlmCallRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(call, "call");
    }
}
