package dev.orion.llm.router;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orion.BudgetExceededException;
import dev.orion.llm.CallContext;
import dev.orion.llm.ChatChunk;
import dev.orion.llm.ChatModel;
import dev.orion.llm.ChatRequest;
import dev.orion.llm.ChatResponse;
import dev.orion.llm.LlmException;
import dev.orion.llm.StreamInterruptedException;
import dev.orion.llm.provider.ProviderSettings;
import dev.orion.llm.provider.Providers;
import dev.orion.llm.router.budget.BudgetLimit;
import dev.orion.llm.router.budget.InMemoryBudgetLedger;
import dev.orion.store.LlmCallFilter;
import dev.orion.store.LlmCallOutcome;
import dev.orion.store.LlmCallRecord;
import dev.orion.tenant.ProjectId;
import dev.orion.tenant.TenantId;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Real HTTP over loopback: an OpenAI-compatible primary and an Anthropic fallback that answer with
 * random 429/5xx/529, timeouts, malformed JSON and cut streams. Every call must end in an answer or
 * a typed error, streams are never silently short, and the call log holds exactly one record per call.
 */
class FaultInjectionTest {

    private static final CallContext ACME = CallContext.of(TenantId.of("acme"));

    private static final int CALLS = 10_000;
    private MockWebServer server;
    private final Map<String, AtomicInteger> faults = new ConcurrentHashMap<>();

    @BeforeEach
    void start() throws Exception {
        // MockWebServer logs every request through java.util.logging; 10,000 lines would dominate the run
        java.util.logging.Logger.getLogger(MockWebServer.class.getName()).setLevel(java.util.logging.Level.WARNING);
        server = new MockWebServer();
        server.setServerSocketFactory(new NoDelayServerSockets());
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** Answers in the exact wire formats of llm-wire.md, or fails in one of many ways. */
    private final class FaultyDispatcher extends Dispatcher {
        private final Random random = new Random(20261121L);
        private final double faultRate;

        FaultyDispatcher(double faultRate) {
            this.faultRate = faultRate;
        }

        @Override
        public MockResponse dispatch(RecordedRequest request) {
            boolean anthropic = request.getTarget().endsWith("/messages");
            boolean stream = request.getBody() != null && request.getBody().utf8().contains("\"stream\":true");
            double u;
            int pick;
            synchronized (random) {
                u = random.nextDouble();
                pick = random.nextInt(10);
            }
            if (u >= faultRate) {
                return ok(anthropic, stream, false);
            }
            String kind = switch (pick) {
                case 0, 1 -> "429";
                case 2 -> "500";
                case 3 -> "503";
                case 4 -> "529";
                case 5 -> "timeout";
                case 6 -> "malformed";
                case 7, 8 -> stream ? "cut-stream" : "malformed";
                default -> "400";
            };
            faults.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
            return switch (kind) {
                case "429" -> new MockResponse.Builder().code(429).addHeader("retry-after-ms", "1").body(anthropic
                        ? "{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\",\"message\":\"slow down\"}}"
                        : "{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\",\"param\":null,\"code\":\"rate_limit_exceeded\"}}").build();
                case "500", "503" -> new MockResponse.Builder().code(Integer.parseInt(kind))
                        .body("{\"error\":{\"message\":\"server error\",\"type\":\"server_error\",\"param\":null,\"code\":null}}").build();
                case "529" -> new MockResponse.Builder().code(529)
                        .body("{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}").build();
                case "timeout" -> new MockResponse.Builder().headersDelay(250, TimeUnit.MILLISECONDS).body("{}").build();
                case "malformed" -> new MockResponse.Builder().body("{\"id\":\"x\",\"choices\":[{\"message\":").build();
                case "cut-stream" -> ok(anthropic, true, true);
                default -> new MockResponse.Builder().code(400)
                        .body("{\"error\":{\"message\":\"bad request\",\"type\":\"invalid_request_error\",\"param\":null,\"code\":null}}").build();
            };
        }

        private MockResponse ok(boolean anthropic, boolean stream, boolean cut) {
            if (!stream) {
                return new MockResponse.Builder().body(anthropic
                        ? "{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-3-5-haiku\",\"content\":[{\"type\":\"text\",\"text\":\"Zirconia with yttria.\"}],\"stop_reason\":\"end_turn\",\"usage\":{\"input_tokens\":20,\"output_tokens\":6,\"cache_read_input_tokens\":0,\"cache_creation_input_tokens\":0}}"
                        : "{\"id\":\"c1\",\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"Zirconia with yttria.\"},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":20,\"completion_tokens\":6,\"total_tokens\":26}}").build();
            }
            String body;
            if (anthropic) {
                body = "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"m\",\"model\":\"claude-3-5-haiku\",\"usage\":{\"input_tokens\":20,\"output_tokens\":1}}}\n\n"
                        + "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\n"
                        + "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"Zirconia \"}}\n\n"
                        + (cut ? "" : "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"with yttria.\"}}\n\n"
                        + "event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}\n\n"
                        + "event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\"},\"usage\":{\"output_tokens\":6}}\n\n"
                        + "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n");
            } else {
                body = "data: {\"id\":\"c1\",\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Zirconia \"},\"finish_reason\":null}]}\n\n"
                        + (cut ? "" : "data: {\"id\":\"c1\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"with yttria.\"},\"finish_reason\":\"stop\"}]}\n\n"
                        + "data: {\"id\":\"c1\",\"choices\":[],\"usage\":{\"prompt_tokens\":20,\"completion_tokens\":6}}\n\n"
                        + "data: [DONE]\n\n");
            }
            return new MockResponse.Builder().addHeader("Content-Type", "text/event-stream").body(body).build();
        }
    }

    private LlmRouter router(InMemoryBudgetLedger ledger, Profile profile, Duration readTimeout) {
        ProviderSettings.Builder common = ProviderSettings.builder().apiKey("test-key")
                .connectTimeout(Duration.ofSeconds(2)).readTimeout(readTimeout).callTimeout(Duration.ofSeconds(10));
        ChatModel openai = Providers.openAiCompatible(common.baseUrl(server.url("/v1").toString()).build());
        ChatModel anthropic = Providers.anthropic(common.baseUrl(server.url("/").toString()).build());
        LlmRouter.Builder b = LlmRouter.builder()
                .model(new ModelRoute("primary", "openai", "gpt-4o-mini", openai, 128_000))
                .model(new ModelRoute("fallback", "anthropic", "claude-3-5-haiku", anthropic, 200_000))
                .profile(profile);
        if (ledger != null) {
            b.budgetLedger(ledger);
        }
        return b.build();
    }

    @Test
    void tenThousandCallsEndInAnAnswerOrATypedErrorWithOneRecordEach() throws Exception {
        server.setDispatcher(new FaultyDispatcher(0.3));
        Profile profile = Profile.builder("advisor").models(List.of("primary", "fallback"))
                .retry(new LlmRetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(4), Duration.ofMillis(50)))
                .cooldown(new CooldownPolicy(1_000_000, Duration.ZERO)).build();
        AtomicInteger answered = new AtomicInteger();
        AtomicInteger typed = new AtomicInteger();
        AtomicInteger interrupted = new AtomicInteger();
        List<Throwable> untyped = new ArrayList<>();
        try (LlmRouter router = router(null, profile, Duration.ofMillis(100))) {
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < CALLS; i++) {
                boolean stream = i % 2 == 1;
                int n = i;
                futures.add(pool.submit(() -> {
                    CallContext run = ACME.newBuilder().runId("run-" + n).build();
                    ChatRequest req = ChatRequest.builder().profile("advisor")
                            .user("Which dopant stabilises cubic zirconia? #" + n).maxTokens(64).build();
                    StringBuilder chunks = new StringBuilder();
                    try {
                        ChatResponse r = stream ? router.stream(req, run, c -> {
                            if (c.kind() == ChatChunk.Kind.TEXT) {
                                chunks.append(c.text());
                            }
                        }) : router.chat(req, run);
                        assertThat(r.text()).isEqualTo("Zirconia with yttria.");
                        if (stream) {
                            assertThat(chunks.toString()).isEqualTo(r.text());
                        }
                        answered.incrementAndGet();
                    } catch (StreamInterruptedException e) {
                        assertThat(stream).isTrue();
                        assertThat(e.partialText()).isEqualTo(chunks.toString()).isNotEmpty();
                        interrupted.incrementAndGet();
                        typed.incrementAndGet();
                    } catch (LlmException e) {
                        typed.incrementAndGet();
                    } catch (Throwable t) {
                        synchronized (untyped) {
                            untyped.add(t);
                        }
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get(120, TimeUnit.SECONDS);
            }
            pool.shutdown();
            assertThat(router.flushCallLog(Duration.ofSeconds(30))).isTrue();

            assertThat(untyped).isEmpty();
            assertThat(answered.get() + typed.get()).isEqualTo(CALLS);
            assertThat(answered.get()).isGreaterThan(CALLS * 9 / 10);
            assertThat(interrupted.get()).isPositive();
            assertThat(faults.keySet()).contains("429", "500", "503", "529", "timeout", "malformed", "cut-stream", "400");

            List<LlmCallRecord> records = router.callLog().query(ACME.tenant(), LlmCallFilter.all(), 0, 10_000);
            assertThat(records).hasSize(CALLS);
            Set<String> runs = new HashSet<>();
            records.forEach(r -> runs.add(r.call().runId().orElseThrow()));
            assertThat(runs).hasSize(CALLS);
            assertThat(router.callLog().count(ACME.tenant(), LlmCallFilter.all().withOutcome(LlmCallOutcome.SUCCESS))).isEqualTo(answered.get());
            assertThat(records.stream().filter(r -> r.call().fallbackPath().contains("fallback")).count()).isPositive();
        }
    }

    @Test
    void sixtyFourThreadsAgainstOneBudgetNeverOverspend() throws Exception {
        server.setDispatcher(new FaultyDispatcher(0.0));
        BigDecimal limit = new BigDecimal("0.0015");
        Profile profile = Profile.builder("advisor").models(List.of("primary"))
                .budget(new BudgetLimit(BudgetLimit.Scope.PROJECT, BudgetLimit.Period.DAY, limit)).build();
        InMemoryBudgetLedger ledger = new InMemoryBudgetLedger();
        AtomicLong ok = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        try (LlmRouter router = router(ledger, profile, Duration.ofSeconds(5))) {
            ExecutorService pool = Executors.newFixedThreadPool(64);
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < 64 * 8; i++) {
                futures.add(pool.submit(() -> {
                    try {
                        router.chat(ChatRequest.builder().profile("advisor")
                                .user("Which dopant stabilises cubic zirconia?").maxTokens(16).build(),
                                ACME.newBuilder().project(ProjectId.of("cathodes")).build());
                        ok.incrementAndGet();
                    } catch (BudgetExceededException e) {
                        assertThat(e.budget()).contains("cathodes");
                        assertThat(e.resetsAt()).isPresent();
                        refused.incrementAndGet();
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get(60, TimeUnit.SECONDS);
            }
            pool.shutdown();
            router.flushCallLog(Duration.ofSeconds(10));
            BigDecimal spent = ledger.spent(ACME.tenant(), java.util.Optional.of(ProjectId.of("cathodes")), profile.budgets().get(0));
            BigDecimal logged = router.callLog().query(ACME.tenant(), LlmCallFilter.all(), 0, 10_000).stream().map(r -> r.call().cost())
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(spent).isLessThanOrEqualTo(limit).isEqualByComparingTo(logged);
            assertThat(ok.get()).isPositive();
            assertThat(refused.get()).isPositive();
            assertThat(ok.get() + refused.get()).isEqualTo(64 * 8);
        }
    }
}
