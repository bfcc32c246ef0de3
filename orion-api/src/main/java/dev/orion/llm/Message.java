package dev.orion.llm;

import java.util.List;
import java.util.Objects;

/**
 * One turn of a conversation. The hierarchy is closed: a message is from the system, the user, the
 * assistant (possibly asking for tool calls), or carries the result of one tool call.
 */
public sealed interface Message permits Message.System, Message.User, Message.Assistant, Message.Tool {

    /** The role name used on the wire by OpenAI-style APIs ({@code system}, {@code user}, ...). */
    String role();

    /** The text of the message (empty for an assistant turn that only calls tools). */
    String content();

    /** A system prompt. @param content the instructions */
    static System system(String content) {
        return new System(content);
    }

    /** A user turn. @param content what the user says */
    static User user(String content) {
        return new User(content);
    }

    /** An assistant turn with text only. @param content the answer */
    static Assistant assistant(String content) {
        return new Assistant(content, List.of());
    }

    /** An assistant turn asking for tool calls. @param content text, may be empty @param toolCalls the calls */
    static Assistant assistant(String content, List<ToolCall> toolCalls) {
        return new Assistant(content, toolCalls);
    }

    /**
     * The result of a tool call, sent back to the model.
     *
     * @param toolCallId the id of the {@link ToolCall} answered
     * @param toolName   the name of the tool (Ollama matches by name, as it has no call ids)
     * @param content    the result, usually JSON
     */
    static Tool tool(String toolCallId, String toolName, String content) {
        return new Tool(toolCallId, toolName, content);
    }

    /** Instructions that frame the conversation. @param content the text */
    record System(String content) implements Message {
        /** Validates the message. */
        public System {
            Objects.requireNonNull(content, "content");
        }

        @Override
        public String role() {
            return "system";
        }
    }

    /** What the user says. @param content the text */
    record User(String content) implements Message {
        /** Validates the message. */
        public User {
            Objects.requireNonNull(content, "content");
        }

        @Override
        public String role() {
            return "user";
        }
    }

    /**
     * What the model said, possibly with requests to call tools.
     *
     * @param content   the text (may be empty)
     * @param toolCalls the tools the model asked to call, in order
     */
    record Assistant(String content, List<ToolCall> toolCalls) implements Message {
        /** Validates and freezes the message. */
        public Assistant {
            Objects.requireNonNull(content, "content");
            toolCalls = List.copyOf(toolCalls);
        }

        @Override
        public String role() {
            return "assistant";
        }
    }

    /**
     * The result of running a tool.
     *
     * @param toolCallId id of the call answered
     * @param toolName   name of the tool
     * @param content    the result
     */
    record Tool(String toolCallId, String toolName, String content) implements Message {
        /** Validates the message. */
        public Tool {
            Objects.requireNonNull(toolCallId, "toolCallId");
            Objects.requireNonNull(toolName, "toolName");
            Objects.requireNonNull(content, "content");
        }

        @Override
        public String role() {
            return "tool";
        }
    }
}
