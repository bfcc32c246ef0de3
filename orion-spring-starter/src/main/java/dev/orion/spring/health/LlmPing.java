package dev.orion.spring.health;

import dev.orion.llm.CallContext;
import dev.orion.llm.ChatRequest;
import dev.orion.llm.ChatModel;
import dev.orion.llm.ChatResponse;
import dev.orion.tenant.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The optional cheap ping of an LLM provider's health: a one-token completion of {@code "ping"} through the
 * router (so the provider's key, URL and model are all exercised), made for the tenant {@value #TENANT} under
 * the feature {@value #FEATURE}, so it is recorded and billed like any call and can be told apart. At most one
 * ping per model per interval: a health endpoint polled every few seconds does not become a stream of calls.
 */
final class LlmPing {

    static final String TENANT = "orion-health";
    static final String FEATURE = "health-ping";

    /** One ping's outcome, kept until the interval has passed. */
    record Result(Instant at, boolean ok, Map<String, Object> details) {
    }

    private final ChatModel router;
    private final Duration interval;
    private final Clock clock;
    private final Map<String, Result> last = new ConcurrentHashMap<>();

    LlmPing(ChatModel router, Duration interval, Clock clock) {
        this.router = router;
        this.interval = interval;
        this.clock = clock;
    }

    /** @param model a router model name @return the latest ping of it, made now if the last is older than the interval */
    Result ping(String model) {
        Instant now = clock.instant();
        return last.compute(model, (m, before) -> before != null && before.at().plus(interval).isAfter(now) ? before : send(m, now));
    }

    private Result send(String model, Instant now) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("model", model);
        details.put("at", now.toString());
        long start = System.nanoTime();
        try {
            ChatResponse r = router.chat(ChatRequest.builder().model(model).user("ping").maxTokens(1).build(),
                    CallContext.builder(TenantId.of(TENANT)).feature(FEATURE).build());
            details.put("latencyMs", Duration.ofNanos(System.nanoTime() - start).toMillis());
            details.put("answeredBy", r.model());
            return new Result(now, true, Map.copyOf(details));
        } catch (RuntimeException e) {
            // the router's exceptions name the provider and the failure, never its key
            details.put("error", e.getClass().getSimpleName() + ": " + e.getMessage());
            return new Result(now, false, Map.copyOf(details));
        }
    }
}
