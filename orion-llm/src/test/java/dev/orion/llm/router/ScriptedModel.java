package dev.orion.llm.router;

import dev.orion.llm.CallContext;
import dev.orion.llm.ChatChunk;
import dev.orion.llm.ChatModel;
import dev.orion.llm.ChatRequest;
import dev.orion.llm.ChatResponse;
import dev.orion.llm.ChatStreamListener;
import dev.orion.llm.FinishReason;
import dev.orion.llm.LlmProviderException;
import dev.orion.llm.Message;
import dev.orion.llm.StreamInterruptedException;
import dev.orion.llm.Usage;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** A backend that plays a script of answers and failures, counting its calls. */
final class ScriptedModel implements ChatModel {

    final String name;
    final AtomicInteger calls = new AtomicInteger();
    final List<ChatRequest> requests = new ArrayList<>();
    private final Deque<Object> script = new ArrayDeque<>();
    private Object fallback;

    ScriptedModel(String name) {
        this.name = name;
        this.fallback = answer("from " + name);
    }

    static ChatResponse answer(String text) {
        return ChatResponse.of("req-" + text.hashCode(), "m", Message.assistant(text), FinishReason.STOP, Usage.of(100, 20));
    }

    static LlmProviderException failure(int status, boolean retryable, Duration retryAfter) {
        return LlmProviderException.builder("scripted", "m", LlmProviderException.Kind.HTTP_ERROR).status(status)
                .retryable(retryable).retryAfter(retryAfter).build();
    }

    synchronized ScriptedModel then(Object step) {
        script.add(step);
        return this;
    }

    synchronized ScriptedModel always(Object step) {
        fallback = step;
        return this;
    }

    private synchronized Object next(ChatRequest request) {
        calls.incrementAndGet();
        requests.add(request);
        return script.isEmpty() ? fallback : script.poll();
    }

    @Override
    public ChatResponse chat(ChatRequest request, CallContext context) {
        Object step = next(request);
        if (step instanceof RuntimeException e) {
            throw e;
        }
        return (ChatResponse) step;
    }

    @Override
    public ChatResponse stream(ChatRequest request, CallContext context, ChatStreamListener listener) {
        Object step = next(request);
        if (step instanceof RuntimeException e) {
            throw e;
        }
        if (step instanceof Partial p) {
            listener.onChunk(new ChatChunk(0, ChatChunk.Kind.TEXT, p.text));
            throw new StreamInterruptedException(name, 1, p.text, failure(529, true, null));
        }
        ChatResponse r = (ChatResponse) step;
        listener.onChunk(new ChatChunk(0, ChatChunk.Kind.TEXT, r.text()));
        return r;
    }

    /** A stream that delivers {@code text} and then breaks. */
    record Partial(String text) {
    }
}
