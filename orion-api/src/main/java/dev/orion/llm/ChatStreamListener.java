package dev.orion.llm;

/** Receives the pieces of a streamed answer, in order, on the thread that called {@link ChatModel#stream}. */
@FunctionalInterface
public interface ChatStreamListener {

    /**
     * Called once per piece of text (or reasoning) that the model produced.
     *
     * @param chunk the piece
     */
    void onChunk(ChatChunk chunk);
}
