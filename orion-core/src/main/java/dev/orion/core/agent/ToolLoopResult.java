package dev.orion.core.agent;

import dev.orion.llm.ChatResponse;
import dev.orion.llm.Message;
import dev.orion.llm.Usage;
import java.math.BigDecimal;
import java.util.List;

/**
 * How a tool loop ended.
 *
 * @param answer     the model's final answer
 * @param transcript the whole conversation, tool calls and results included
 * @param steps      model calls made
 * @param toolCalls  tool calls run
 * @param usage      tokens over all steps
 * @param costUsd    money over all steps
 */
public record ToolLoopResult(ChatResponse answer, List<Message> transcript, int steps, int toolCalls, Usage usage,
                             BigDecimal costUsd) {

    /** Freezes the transcript. */
    public ToolLoopResult {
        transcript = List.copyOf(transcript);
    }
}
