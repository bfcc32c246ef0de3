package dev.orion.bench.llm;

import dev.orion.llm.CallContext;
import dev.orion.llm.ChatModel;
import dev.orion.llm.ChatRequest;
import dev.orion.llm.provider.ProviderSettings;
import dev.orion.llm.provider.Providers;
import dev.orion.llm.router.CachePolicy;
import dev.orion.llm.router.LlmRouter;
import dev.orion.llm.router.ModelRoute;
import dev.orion.llm.router.Profile;
import dev.orion.llm.router.budget.BudgetLimit;
import dev.orion.llm.router.ratelimit.RateLimitRule;
import dev.orion.tenant.ProjectId;
import dev.orion.tenant.TenantId;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Measures, in one run on one machine, what the router adds to a call and what a cache hit costs.
 *
 * <ol>
 *   <li>Added latency: the same loopback server is called, interleaved, by a raw OkHttp POST of a
 *       prebuilt body (the floor), by the OpenAI-compatible provider alone (OkHttp plus JSON), and by
 *       the router over that provider with a realistic profile (fallback chain, retry policy, budget,
 *       rate limit, call log, analytics; cache off). Reported: p50 and p99 of each, their differences,
 *       and the median of the per-iteration paired differences.</li>
 *   <li>Cache-hit latency: the router answering a cached request, p50/p99.</li>
 *   <li>Cached throughput: two threads asking cached requests for five seconds.</li>
 * </ol>
 *
 * <p>Run: {@code scripts/bench dev.orion.bench.llm.LlmRouterBenchmark [iterations]}.
 * Prints a Markdown table. It prints to stdout on purpose: it is a program, not library code.
 */
public final class LlmRouterBenchmark {

    /** Every call is made for one tenant and project, as a tenant view would make it. */
    private static final CallContext CONTEXT = CallContext.builder(TenantId.of("acme"))
            .project(ProjectId.of("zirconia")).build();

    private static final MediaType JSON = MediaType.get("application/json");

    private LlmRouterBenchmark() {
    }

    /**
     * Runs the benchmark.
     *
     * @param args optional: iterations of the latency comparison (default 20,000)
     * @throws Exception when the loopback server fails
     */
    public static void main(String[] args) throws Exception {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        try (LoopbackOpenAiServer server = new LoopbackOpenAiServer()) {
            OkHttpClient raw = new OkHttpClient.Builder().retryOnConnectionFailure(false).build();
            ChatModel provider = Providers.openAiCompatible(ProviderSettings.builder().baseUrl(server.baseUrl())
                    .apiKey("bench-key").build());
            Profile advisor = Profile.builder("advisor").models(List.of("primary", "backup"))
                    .temperature(0.2).maxTokens(256)
                    .budget(BudgetLimit.of(BudgetLimit.Scope.TENANT, BudgetLimit.Period.DAY, "1000000"))
                    .rateLimit(new RateLimitRule(RateLimitRule.Scope.TENANT, 100_000_000, 0)).build();
            Profile cached = advisor.toBuilder().name("cached").cache(CachePolicy.ttl(Duration.ofHours(1))).build();
            try (LlmRouter router = LlmRouter.builder()
                    .model(new ModelRoute("primary", "openai", "gpt-4o-mini", provider, 128_000))
                    .model(new ModelRoute("backup", "openai", "gpt-4.1-mini", provider, 1_000_000))
                    .profile(advisor, cached).build()) {
                ChatRequest routed = request("advisor", 0);
                ChatRequest direct = routed.newBuilder().model("gpt-4o-mini").temperature(0.2).maxTokens(256).build();
                byte[] body = rawBody();
                Request rawRequest = new Request.Builder().url(server.baseUrl() + "/chat/completions")
                        .header("Authorization", "Bearer bench-key").post(RequestBody.create(body, JSON)).build();

                long[] tRaw = new long[iterations];
                long[] tProvider = new long[iterations];
                long[] tRouter = new long[iterations];
                runLatency(raw, rawRequest, provider, direct, router, routed, iterations / 2, new long[iterations / 2],
                        new long[iterations / 2], new long[iterations / 2]);
                runLatency(raw, rawRequest, provider, direct, router, routed, iterations, tRaw, tProvider, tRouter);

                long[] pairedRouterRaw = new long[iterations];
                long[] pairedRouterProvider = new long[iterations];
                for (int i = 0; i < iterations; i++) {
                    pairedRouterRaw[i] = tRouter[i] - tRaw[i];
                    pairedRouterProvider[i] = tRouter[i] - tProvider[i];
                }
                long[] hits = cacheHits(router, 200_000);
                double throughput = cachedThroughput(router, 2, Duration.ofSeconds(5));

                System.out.printf(Locale.ROOT, "%n## LLM router benchmark (%d interleaved iterations, %d cores)%n%n",
                        iterations, Runtime.getRuntime().availableProcessors());
                System.out.println("| measurement | p50 | p99 |");
                System.out.println("|---|---|---|");
                row("raw OkHttp POST to the loopback server", tRaw);
                row("provider (OkHttp + JSON codec)", tProvider);
                row("router over the provider (cache off)", tRouter);
                System.out.printf(Locale.ROOT, "| router - raw OkHttp (difference of percentiles) | %s | %s |%n",
                        ms(percentile(tRouter, 0.5) - percentile(tRaw, 0.5)), ms(percentile(tRouter, 0.99) - percentile(tRaw, 0.99)));
                System.out.printf(Locale.ROOT, "| router - provider (difference of percentiles) | %s | %s |%n",
                        ms(percentile(tRouter, 0.5) - percentile(tProvider, 0.5)),
                        ms(percentile(tRouter, 0.99) - percentile(tProvider, 0.99)));
                System.out.printf(Locale.ROOT, "| router - raw OkHttp (paired, per iteration) | %s | %s |%n",
                        ms(percentile(pairedRouterRaw, 0.5)), ms(percentile(pairedRouterRaw, 0.99)));
                System.out.printf(Locale.ROOT, "| router - provider (paired, per iteration) | %s | %s |%n",
                        ms(percentile(pairedRouterProvider, 0.5)), ms(percentile(pairedRouterProvider, 0.99)));
                System.out.printf(Locale.ROOT, "| cache hit through the router | %.2f µs | %.2f µs |%n",
                        percentile(hits, 0.5) / 1e3, percentile(hits, 0.99) / 1e3);
                System.out.printf(Locale.ROOT, "%ncached throughput, 2 threads, 5 s: %,.0f calls/s%n", throughput);
            }
            raw.dispatcher().executorService().shutdown();
            raw.connectionPool().evictAll();
        }
    }

    private static ChatRequest request(String profile, int n) {
        return ChatRequest.builder().profile(profile)
                .system("You advise a materials-discovery campaign. Answer in one sentence.")
                .user("Candidate " + n + ": which dopant stabilises cubic zirconia at room temperature?").build();
    }

    private static byte[] rawBody() {
        return ("{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"system\",\"content\":\"You advise a materials-discovery "
                + "campaign. Answer in one sentence.\"},{\"role\":\"user\",\"content\":\"Candidate 0: which dopant stabilises "
                + "cubic zirconia at room temperature?\"}],\"temperature\":0.2,\"max_tokens\":256}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void runLatency(OkHttpClient raw, Request rawRequest, ChatModel provider, ChatRequest direct,
                                   LlmRouter router, ChatRequest routed, int n, long[] tRaw, long[] tProvider,
                                   long[] tRouter) throws IOException {
        for (int i = 0; i < n; i++) {
            // rotate the order so that no variant always runs right after another
            for (int k = 0; k < 3; k++) {
                int which = (i + k) % 3;
                long t0 = System.nanoTime();
                if (which == 0) {
                    try (Response r = raw.newCall(rawRequest).execute()) {
                        if (r.body().string().isEmpty()) {
                            throw new IllegalStateException("empty body");
                        }
                    }
                    tRaw[i] = System.nanoTime() - t0;
                } else if (which == 1) {
                    provider.chat(direct, CONTEXT);
                    tProvider[i] = System.nanoTime() - t0;
                } else {
                    router.chat(routed, CONTEXT);
                    tRouter[i] = System.nanoTime() - t0;
                }
            }
        }
    }

    private static long[] cacheHits(LlmRouter router, int n) {
        ChatRequest req = request("cached", 1);
        router.chat(req, CONTEXT);
        long[] t = new long[n];
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            if (!router.chat(req, CONTEXT).cacheHit()) {
                throw new IllegalStateException("expected a cache hit");
            }
            t[i] = System.nanoTime() - t0;
        }
        return Arrays.copyOfRange(t, n / 2, n);
    }

    private static double cachedThroughput(LlmRouter router, int threads, Duration duration) throws InterruptedException {
        List<ChatRequest> requests = new java.util.ArrayList<>();
        for (int i = 0; i < 64; i++) {
            ChatRequest r = request("cached", 1000 + i);
            router.chat(r, CONTEXT);
            requests.add(r);
        }
        AtomicLong calls = new AtomicLong();
        CountDownLatch done = new CountDownLatch(threads);
        long end = System.nanoTime() + duration.toNanos();
        for (int t = 0; t < threads; t++) {
            int offset = t;
            Thread th = new Thread(() -> {
                long local = 0;
                int i = offset;
                while (System.nanoTime() < end) {
                    router.chat(requests.get(i++ & 63), CONTEXT);
                    local++;
                }
                calls.addAndGet(local);
                done.countDown();
            });
            th.start();
        }
        done.await();
        return calls.get() / (duration.toNanos() / 1e9);
    }

    private static void row(String name, long[] t) {
        System.out.printf(Locale.ROOT, "| %s | %s | %s |%n", name, ms(percentile(t, 0.5)), ms(percentile(t, 0.99)));
    }

    private static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.3f ms", nanos / 1e6);
    }

    private static long percentile(long[] values, double p) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }
}
