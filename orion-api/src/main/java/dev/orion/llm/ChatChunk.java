package dev.orion.llm;

import java.util.Objects;

/**
 * One piece of a streamed answer.
 *
 * @param index     position of this chunk in the stream, from 0
 * @param kind      whether the text is answer text or reasoning ("thinking")
 * @param text      the text of this piece (may be empty)
 */
public record ChatChunk(int index, Kind kind, String text) {

    /** What a chunk carries. */
    public enum Kind {
        /** Part of the answer shown to the user. */
        TEXT,
        /** Part of the model's reasoning, where the provider streams it. */
        REASONING,
        /** A fragment of a tool call's arguments (the assembled calls are in the final response). */
        TOOL_CALL
    }

    /** Validates the chunk. */
    public ChatChunk {
        if (index < 0) {
            throw new IllegalArgumentException("index must be >= 0, was " + index);
        }
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
    }
}
