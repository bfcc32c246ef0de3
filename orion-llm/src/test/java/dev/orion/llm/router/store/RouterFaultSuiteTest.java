package dev.orion.llm.router.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.orion.llm.router.log.CallLogStats;
import dev.orion.OrionException;
import dev.orion.core.Stores;
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
import dev.orion.llm.router.CachePolicy;
import dev.orion.llm.router.CooldownPolicy;
import dev.orion.llm.router.LlmRetryPolicy;
import dev.orion.llm.router.LlmRouter;
import dev.orion.llm.router.ModelRoute;
import dev.orion.llm.router.Profile;
import dev.orion.llm.router.budget.BudgetLimit;
import dev.orion.store.BudgetKey;
import dev.orion.store.BudgetPeriod;
import dev.orion.store.LlmCallFilter;
import dev.orion.store.LlmCallRecord;
import dev.orion.store.OrionStores;
import dev.orion.store.contract.Backends;
import dev.orion.tenant.Principal;
import dev.orion.tenant.TenantId;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The fault suite on PostgreSQL: the router with its call log, cache, budgets in the stores, cooldowns on,
 * under providers that answer absurd usage, huge bodies, 529s, 400s and cut streams, and a database that
 * goes away mid-run and comes back. Every call must end in an answer or a typed error, every call must
 * have its record in the store (or be counted as a dead letter), and no caller may wait on the call log.
 * The figures are printed and quoted in docs/llm.md ("Reliability").
 */
class RouterFaultSuiteTest {

    private static final int CALLS = 2_000;
    /** A provider key that a provider's error echoes back (OpenAI's 401 does): it must be stored nowhere. */
    private static final String ECHOED_KEY = "sk-proj-Zq81faultSuiteKey0123456789";
    private static final List<TenantId> TENANTS = List.of(TenantId.of("faults-a"), TenantId.of("faults-b"),
            TenantId.of("faults-c"), TenantId.of("faults-d"));

    /** Answers by the number in the prompt: absurd usage, huge answers, 529, 400, cut streams, or a plain answer. */
    private final ChatModel provider = new ChatModel() {
        @Override
        public ChatResponse chat(ChatRequest request, CallContext context) {
            return answer(request, null);
        }

        @Override
        public ChatResponse stream(ChatRequest request, CallContext context, ChatStreamListener listener) {
            return answer(request, listener);
        }
    };

    private static int number(ChatRequest request) {
        String text = request.messages().get(request.messages().size() - 1).content();
        int hash = text.lastIndexOf('#');
        return hash < 0 ? -1 : Integer.parseInt(text.substring(hash + 1).trim());
    }

    private static ChatResponse answer(ChatRequest request, ChatStreamListener listener) {
        int n = number(request);
        String text = "Zirconia with yttria.";
        Usage usage = Usage.of(30, 8);
        switch (Math.floorMod(n, 20)) {
            case 1 -> usage = new Usage(Long.MAX_VALUE / 4, Long.MAX_VALUE / 4, 0, 0, Long.MAX_VALUE / 4); // "1e30"
            case 2 -> throw LlmProviderException.builder("fake", "m", LlmProviderException.Kind.HTTP_ERROR).status(529)
                    .retryable(true).build();
            case 3 -> throw LlmProviderException.builder("fake", "m", LlmProviderException.Kind.HTTP_ERROR).status(400)
                    .retryable(false).build();
            case 4 -> text = "x".repeat(2_000_000);
            case 6 -> throw LlmProviderException.builder("fake", "m", LlmProviderException.Kind.HTTP_ERROR).status(401)
                    .retryable(false).detail("Incorrect API key provided: " + ECHOED_KEY).build();
            case 5 -> {
                if (listener != null) {
                    listener.onChunk(new ChatChunk(0, ChatChunk.Kind.TEXT, "Zirconia "));
                    throw new StreamInterruptedException("m", 1, "Zirconia ",
                            LlmProviderException.builder("fake", "m", LlmProviderException.Kind.NETWORK).retryable(true).build());
                }
            }
            default -> { }
        }
        if (listener != null) {
            listener.onChunk(new ChatChunk(0, ChatChunk.Kind.TEXT, text));
        }
        return ChatResponse.of("req-" + n, "m", Message.assistant(text), FinishReason.STOP, usage);
    }

    @Test
    void everyCallEndsTypedAndLandsInTheStoreThroughAnOutage() throws Exception {
        PGSimpleDataSource raw = Backends.newPostgresDatabase("router_faults");
        raw.setReWriteBatchedInserts(true);
        SwitchableDataSource switchable = new SwitchableDataSource(raw);
        HikariConfig pool = new HikariConfig();
        pool.setDataSource(switchable);
        pool.setMaximumPoolSize(8);
        pool.setConnectionTimeout(250);
        pool.setValidationTimeout(250);
        pool.setPoolName("router-faults");
        Profile profile = Profile.builder("advisor").models(List.of("primary", "backup"))
                .retry(new LlmRetryPolicy(1, Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(50)))
                .cooldown(new CooldownPolicy(3, Duration.ofMillis(50)))
                .cache(CachePolicy.ttl(Duration.ofMinutes(5)))
                .budget(BudgetLimit.of(BudgetLimit.Scope.TENANT, BudgetLimit.Period.DAY, "1000")).build();
        AtomicInteger answered = new AtomicInteger();
        AtomicInteger typed = new AtomicInteger();
        AtomicInteger storeErrors = new AtomicInteger();
        List<Throwable> untyped = new ArrayList<>();
        AtomicLong slowestCall = new AtomicLong();
        try (HikariDataSource hikari = new HikariDataSource(pool);
             OrionStores stores = Stores.postgres(hikari, Clock.systemUTC())) {
            LlmRouter router = LlmRouter.builder()
                    .model(new ModelRoute("primary", "openai", "gpt-4o-mini", provider, 128_000))
                    .model(new ModelRoute("backup", "openai", "gpt-4o", provider, 128_000))
                    .profile(profile).stores(stores).recorderCapacity(64).build();
            ExecutorService threads = Executors.newFixedThreadPool(8);
            try {
                List<Callable<Void>> calls = new ArrayList<>();
                for (int i = 0; i < CALLS; i++) {
                    int n = i;
                    calls.add(() -> {
                        if (n == CALLS / 4) {
                            switchable.down(true);      // the database goes away mid-run...
                        } else if (n == CALLS / 2) {
                            switchable.down(false);     // ...and comes back
                        }
                        CallContext context = CallContext.builder(TENANTS.get(n % TENANTS.size())).runId("run-" + n).build();
                        String prompt = n % 50 == 7 ? "y".repeat(600_000) + " #" + n       // a prompt no model can hold
                                : n % 10 == 6 ? "Which dopant stabilises zirconia? #6"         // repeated: cache hits
                                : "Which dopant stabilises zirconia? #" + n;
                        ChatRequest request = ChatRequest.builder().profile("advisor").user(prompt).maxTokens(200).build();
                        long start = System.nanoTime();
                        try {
                            if (n % 2 == 0) {
                                router.chat(request, context);
                            } else {
                                router.stream(request, context, chunk -> { });
                            }
                            answered.incrementAndGet();
                        } catch (OrionException e) {
                            typed.incrementAndGet();
                            if (e instanceof dev.orion.store.StoreException) {
                                storeErrors.incrementAndGet();
                            }
                        } catch (Throwable t) {
                            synchronized (untyped) {
                                untyped.add(t);
                            }
                        } finally {
                            slowestCall.accumulateAndGet(System.nanoTime() - start, Math::max);
                        }
                        return null;
                    });
                }
                for (Future<Void> f : threads.invokeAll(calls, 5, TimeUnit.MINUTES)) {
                    assertThat(f.isCancelled()).as("no call hangs").isFalse();
                }
            } finally {
                threads.shutdownNow();
                switchable.down(false);
            }
            assertThat(router.flushCallLog(Duration.ofSeconds(120))).as("the call log catches up after the outage").isTrue();
            CallLogStats stats = router.callLogStats();
            router.close();

            long stored = 0;
            long echoed = 0;
            BigDecimal logged = BigDecimal.ZERO;
            BigDecimal spent = BigDecimal.ZERO;
            for (TenantId tenant : TENANTS) {
                var view = stores.tenant(tenant, Principal.system("test"));
                stored += view.llmCalls().count(LlmCallFilter.all());
                List<LlmCallRecord> page = new ArrayList<>();
                view.llmCalls().forEach(LlmCallFilter.all(), page::add);
                for (LlmCallRecord r : page) {
                    logged = logged.add(r.call().cost());
                    assertThat(r.call().error().orElse("")).as("an echoed key is redacted").doesNotContain(ECHOED_KEY);
                    echoed += r.call().error().filter(e -> e.contains("Incorrect API key")).isPresent() ? 1 : 0;
                }
                spent = spent.add(view.budgets().spent(BudgetKey.tenant(BudgetPeriod.DAY)));
            }
            System.out.printf("fault suite: calls %d, answered %d, typed errors %d (store unavailable %d), records stored %d, "
                            + "dead-lettered %d, lost %d, overflowed %d, longest wait in the call log %d ms, slowest call %d ms, "
                            + "cost logged %s, budget spent %s%n", CALLS, answered.get(), typed.get(), storeErrors.get(), stored,
                    stats.deadLettered(), stats.lost(), stats.overflowed(), stats.maxBlocked().toMillis(),
                    Duration.ofNanos(slowestCall.get()).toMillis(), logged.toPlainString(), spent.toPlainString());

            assertThat(untyped).isEmpty();
            assertThat(echoed).as("failures whose provider echoed a key were recorded").isPositive();
            assertThat(answered.get() + typed.get()).isEqualTo(CALLS);
            assertThat(storeErrors.get()).as("the outage did happen").isPositive();
            assertThat(stats.accepted()).as("one record per call").isEqualTo(CALLS);
            assertThat(stored + stats.deadLettered()).as("every record stored or set aside").isEqualTo(CALLS);
            assertThat(stats.deadLettered()).as("an outage shorter than the retries loses nothing to the side").isZero();
            assertThat(stats.lost()).isZero();
            assertThat(stats.maxBlocked()).as("no caller waits on the call log").isLessThan(Duration.ofSeconds(1));
            assertThat(logged).as("clamped usage keeps costs finite and storable").isLessThan(new BigDecimal("1000"));
        }
    }
}
