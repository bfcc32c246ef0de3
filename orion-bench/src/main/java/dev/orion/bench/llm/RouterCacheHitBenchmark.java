package dev.orion.bench.llm;

import dev.orion.llm.CallContext;
import dev.orion.llm.ChatModel;
import dev.orion.llm.ChatRequest;
import dev.orion.llm.ChatResponse;
import dev.orion.llm.ChatStreamListener;
import dev.orion.llm.FinishReason;
import dev.orion.llm.Message;
import dev.orion.llm.TenantChat;
import dev.orion.llm.Usage;
import dev.orion.llm.router.CachePolicy;
import dev.orion.llm.router.LlmRouter;
import dev.orion.llm.router.ModelRoute;
import dev.orion.llm.router.Profile;
import dev.orion.tenant.ProjectId;
import dev.orion.tenant.TenantId;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH cross-check of the router's cache-hit path (canonical key, Caffeine lookup, call record,
 * analytics), with a backend that is never reached after the first call.
 *
 * <p>Run: {@code scripts/bench org.openjdk.jmh.Main RouterCacheHitBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.SampleTime, Mode.Throughput})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RouterCacheHitBenchmark {

    private LlmRouter router;
    private TenantChat acme;
    private ChatRequest request;

    /** Builds a router whose profile caches, and fills the cache. */
    @Setup(Level.Trial)
    public void setUp() {
        ChatModel backend = new ChatModel() {
            @Override
            public ChatResponse chat(ChatRequest r, CallContext context) {
                return ChatResponse.of("bench", "gpt-4o-mini", Message.assistant("Yttria-stabilised zirconia."),
                        FinishReason.STOP, Usage.of(42, 7));
            }

            @Override
            public ChatResponse stream(ChatRequest r, CallContext context, ChatStreamListener listener) {
                return chat(r, context);
            }
        };
        router = LlmRouter.builder().model(ModelRoute.of("openai", "gpt-4o-mini", backend, 128_000))
                .profile(Profile.builder("cached").models(List.of("gpt-4o-mini")).cache(CachePolicy.ttl(Duration.ofHours(1))).build())
                .build();
        request = ChatRequest.builder().profile("cached")
                .system("You advise a materials-discovery campaign. Answer in one sentence.")
                .user("Which dopant stabilises cubic zirconia at room temperature?").temperature(0.2).maxTokens(256).build();
        acme = TenantChat.bind(router, CallContext.builder(TenantId.of("acme")).project(ProjectId.of("zirconia")).build());
        acme.chat(request);
    }

    /** Closes the router. */
    @TearDown(Level.Trial)
    public void tearDown() {
        router.close();
    }

    /** @return a cached answer */
    @Benchmark
    public ChatResponse cacheHit() {
        return acme.chat(request);
    }
}
