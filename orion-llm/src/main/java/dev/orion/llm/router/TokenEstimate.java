package dev.orion.llm.router;

import dev.orion.llm.ChatRequest;
import dev.orion.llm.Message;
import dev.orion.llm.ToolCall;
import dev.orion.llm.ToolSpec;
import java.nio.charset.StandardCharsets;

/**
 * A deliberately high estimate of a prompt's tokens, used before a call for context-window checks,
 * budget reservations and token rate limits: one token per three UTF-8 bytes (tokenisers average
 * about four for English) plus a per-message overhead.
 */
final class TokenEstimate {

    private TokenEstimate() {
    }

    /**
     * The tokens a call may consume: the prompt estimate plus {@code max_tokens}, or, when the request sets
     * none, the allowance the budget link would grant it ({@link BudgetLink#DEFAULT_MAX_TOKENS}).
     */
    static long withOutput(ChatRequest request) {
        return prompt(request) + request.maxTokens().orElse(BudgetLink.DEFAULT_MAX_TOKENS);
    }

    static long prompt(ChatRequest request) {
        long bytes = 0;
        long overhead = 3;
        for (Message m : request.messages()) {
            bytes += utf8(m.content());
            overhead += 4;
            if (m instanceof Message.Assistant a) {
                for (ToolCall c : a.toolCalls()) {
                    bytes += utf8(c.name()) + utf8(c.argumentsJson());
                    overhead += 4;
                }
            }
        }
        for (ToolSpec t : request.tools()) {
            bytes += utf8(t.name()) + utf8(t.description()) + utf8(t.parametersJsonSchema());
            overhead += 8;
        }
        return (bytes + 2) / 3 + overhead;
    }

    /** Tokens of generated text, about three UTF-8 bytes a token (for a stream cut before its usage arrived). */
    static long text(String text) {
        return (utf8(text) + 2) / 3;
    }

    private static long utf8(String s) {
        int n = s.length();
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return s.getBytes(StandardCharsets.UTF_8).length;
            }
        }
        return n;
    }
}
