package dev.orion.llm.router.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orion.BudgetExceededException;
import dev.orion.llm.CallContext;
import dev.orion.llm.ChatModel;
import dev.orion.llm.ChatRequest;
import dev.orion.llm.ChatResponse;
import dev.orion.llm.ChatStreamListener;
import dev.orion.llm.FinishReason;
import dev.orion.llm.Message;
import dev.orion.llm.RateLimitedException;
import dev.orion.llm.ToolCall;
import dev.orion.llm.Usage;
import dev.orion.llm.router.CachePolicy;
import dev.orion.llm.router.LlmRouter;
import dev.orion.llm.router.ModelRoute;
import dev.orion.llm.router.Profile;
import dev.orion.llm.router.budget.BudgetLimit;
import dev.orion.llm.router.log.CallLogExport;
import dev.orion.llm.router.ratelimit.RateLimitRule;
import dev.orion.store.AuditFilter;
import dev.orion.store.BudgetKey;
import dev.orion.store.BudgetPeriod;
import dev.orion.store.BudgetStatus;
import dev.orion.store.LlmCallFilter;
import dev.orion.store.LlmCallLabel;
import dev.orion.store.LlmCallOutcome;
import dev.orion.store.LlmCallRecord;
import dev.orion.store.OrionStores;
import dev.orion.store.TenantStores;
import dev.orion.store.UsageFilter;
import dev.orion.store.UsageKind;
import dev.orion.store.UsageRecord;
import dev.orion.store.contract.Backend;
import dev.orion.tenant.Principal;
import dev.orion.tenant.ProjectId;
import dev.orion.tenant.TenantId;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The router's store-backed state (call log, cache, budgets, rate limits) against ORION's real stores:
 * memory, H2 and PostgreSQL (row-level security on, as a non-superuser role). "Two instances" are two
 * routers; on PostgreSQL the second one also has its own stores instance and connection pool, standing
 * in for a second JVM.
 */
abstract class RouterOnStoresContract {

    private static final AtomicInteger TENANTS = new AtomicInteger();
    private static final Principal ROUTER = Principal.system("llm-router");

    protected abstract Backend backend();

    private final AtomicInteger upstream = new AtomicInteger();
    private final List<AutoCloseable> toClose = new ArrayList<>();

    /** Answers every prompt with a tool call, with usage that the estimate for max_tokens 100 bounds. */
    private final ChatModel model = new ChatModel() {
        @Override
        public ChatResponse chat(ChatRequest request, CallContext context) {
            int n = upstream.incrementAndGet();
            return ChatResponse.of("req-" + n, "gpt-4o",
                    Message.assistant("done", List.of(new ToolCall("c1", "relax", "{\"a\":1}"))),
                    FinishReason.TOOL_CALLS, new Usage(20, 50, 8, 0, 0));
        }

        @Override
        public ChatResponse stream(ChatRequest request, CallContext context, ChatStreamListener listener) {
            return chat(request, context);
        }
    };

    @AfterEach
    void closeInstances() throws Exception {
        for (AutoCloseable c : toClose) {
            c.close();
        }
    }

    private static TenantId newTenant() {
        return TenantId.of("llm-" + ProcessHandle.current().pid() + "-" + System.nanoTime() % 100_000 + "-" + TENANTS.incrementAndGet());
    }

    private TenantStores view(TenantId tenant) {
        return backend().stores().tenant(tenant, ROUTER);
    }

    /** The stores of a second instance: on PostgreSQL its own pool on the same database, else the same stores. */
    private OrionStores secondStores() {
        if (backend().another().isPresent()) {
            OrionStores other = backend().another().get().get();
            toClose.add(other);
            return other;
        }
        return backend().stores();
    }

    private LlmRouter instance(OrionStores stores, Profile profile) {
        // the store-backed parts take the router's clock, the stores' clock here (cache expiry is compared with it)
        LlmRouter router = LlmRouter.builder().model(ModelRoute.of("openai", "gpt-4o", model, 128_000)).profile(profile)
                .clock(backend().clock()).stores(RouterStores.of(stores, ROUTER)).build();
        toClose.add(0, router); // routers flush their call log before the stores they write to close
        return router;
    }

    private LlmRouter instance(Profile profile) {
        return instance(backend().stores(), profile);
    }

    @Test
    void everyCallLandsOnceInTheStoreUnderTheRoutersIdAndExports() {
        TenantId acme = newTenant();
        Profile capped = Profile.builder("p").models(List.of("gpt-4o")).maxCostPerRequest(new BigDecimal("0.01")).build();
        LlmRouter router = instance(capped);
        CallContext run7 = CallContext.builder(acme).project(ProjectId.of("cathodes")).runId("run-7").feature("advisor").build();
        for (int i = 0; i < 3; i++) {
            router.chat(ChatRequest.builder().profile("p").user("Which dopant stabilises cubic zirconia? " + i)
                    .maxTokens(100).build(), run7);
        }
        // 100k output tokens at $10/M is $1: refused before any call, and still recorded
        assertThatThrownBy(() -> router.chat(ChatRequest.builder().profile("p").user("an essay").maxTokens(100_000).build(),
                run7)).isInstanceOf(BudgetExceededException.class);
        assertThat(router.flushCallLog(Duration.ofSeconds(10))).isTrue();

        TenantStores store = view(acme);
        assertThat(store.llmCalls().count(LlmCallFilter.all())).isEqualTo(4);
        assertThat(store.llmCalls().count(LlmCallFilter.all().withOutcome(LlmCallOutcome.BUDGET_EXCEEDED))).isEqualTo(1);
        List<LlmCallRecord> read = router.callLog().query(acme, LlmCallFilter.all().withRunId("run-7"), 0, 10);
        assertThat(read).hasSize(4);
        for (LlmCallRecord r : read) {
            LlmCallRecord stored = store.llmCalls().find(r.id()).orElseThrow(() -> new AssertionError("no stored call " + r.id()));
            assertThat(stored).as("the router's log and the store hold the same record").isEqualTo(r);
            assertThat(stored.call().project().orElseThrow().value()).isEqualTo("cathodes");
            assertThat(stored.call().feature()).contains("advisor");
        }
        assertThat(read.subList(0, 3)).allSatisfy(r -> {
            assertThat(r.call().outcome()).isEqualTo(LlmCallOutcome.SUCCESS);
            assertThat(r.call().tokensCached()).isEqualTo(8);
            assertThat(r.call().cost()).isPositive();
        });
        assertThat(read.get(0).call().requestId()).contains("req-1");
        assertThat(read.get(3).call().outcome()).isEqualTo(LlmCallOutcome.BUDGET_EXCEEDED);
        assertThat(router.callLog().query(acme, LlmCallFilter.all(), 1, 2)).extracting(LlmCallRecord::id)
                .containsExactly(read.get(1).id(), read.get(2).id());
        assertThat(store.llmCalls().count(LlmCallFilter.all().withFeature("advisor"))).as("the feature is filterable").isEqualTo(4);
        assertThat(store.llmCalls().count(LlmCallFilter.all().withFeature("reviewer"))).isZero();
        List<UsageRecord> usage = new ArrayList<>();
        store.usage().forEach(UsageFilter.all(), usage::add);
        assertThat(usage).as("every stored call is metered once, with its tokens and dollars").hasSize(4)
                .allSatisfy(u -> {
                    assertThat(u.kind()).isEqualTo(UsageKind.LLM);
                    assertThat(u.feature()).isEqualTo("advisor");
                    assertThat(u.runId()).contains("run-7");
                    assertThat(u.project().orElseThrow().value()).isEqualTo("cathodes");
                });
        assertThat(usage.stream().map(UsageRecord::cost).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(read.stream().map(r -> r.call().cost()).reduce(BigDecimal.ZERO, BigDecimal::add));
        assertThat(usage.stream().mapToLong(UsageRecord::tokensOut).sum())
                .isEqualTo(read.stream().mapToLong(r -> r.call().tokensOut()).sum());

        StringWriter csv = new StringWriter();
        assertThat(CallLogExport.csv(router.callLog(), acme, LlmCallFilter.all(), csv)).isEqualTo(4);
        StringBuilder storeCsv = new StringBuilder();
        store.llmCalls().exportCsv(LlmCallFilter.all(), storeCsv);
        assertThat(csv.toString()).as("one CSV format, the store's").isEqualTo(storeCsv.toString());
        assertThat(storeCsv.toString().lines()).hasSize(5).first().isEqualTo(LlmCallRecord.CSV_HEADER);
        StringWriter json = new StringWriter();
        assertThat(CallLogExport.json(router.callLog(), acme, LlmCallFilter.all().withOutcome(LlmCallOutcome.SUCCESS), json))
                .isEqualTo(3);
    }

    @Test
    void aRecordTheStoreCannotTakeDoesNotHoldUpTheLog() {
        TenantId acme = newTenant();
        // a provider name over the store's 100 characters: the one way left to make an unstorable record,
        // since call contexts check their tenant, project and labels when they are built
        LlmRouter router = LlmRouter.builder().model(new ModelRoute("odd", "p".repeat(101), "gpt-4o", model, 128_000))
                .model(ModelRoute.of("openai", "gpt-4o", model, 128_000))
                .clock(backend().clock()).stores(RouterStores.of(backend().stores(), ROUTER)).build();
        toClose.add(0, router);
        ChatResponse odd = router.chat(ChatRequest.builder().model("odd").user("hi").build(),
                CallContext.builder(acme).runId("run-0").build());
        assertThat(odd.text()).as("an unrecordable call still answers").isNotEmpty();
        router.chat(ChatRequest.builder().model("gpt-4o").user("hi").build(), CallContext.builder(acme).runId("run-1").build());
        assertThat(router.flushCallLog(Duration.ofSeconds(10))).as("the writer is not stuck retrying").isTrue();
        assertThat(view(acme).llmCalls().count(LlmCallFilter.all())).isEqualTo(1);
        assertThat(view(acme).llmCalls().count(LlmCallFilter.all().withRunId("run-1"))).isEqualTo(1);
    }

    @Test
    void labelsAtTheirLimitReachTheStoreAndTheRateLimitBuckets() {
        TenantId acme = newTenant();
        LlmRouter router = instance(Profile.builder("p").models(List.of("gpt-4o"))
                .rateLimit(new RateLimitRule(RateLimitRule.Scope.API_KEY, 2, 1_000)).build());
        String longest = "r".repeat(LlmCallLabel.MAX_LENGTH);
        ChatRequest req = ChatRequest.builder().profile("p").user("hi").maxTokens(10).build();
        CallContext context = CallContext.builder(acme).project(ProjectId.of("p".repeat(128))).runId(longest).feature(longest)
                .apiKeyId("k".repeat(LlmCallLabel.MAX_LENGTH)).subject(longest).build();
        router.chat(req, context);
        router.chat(req, context);
        assertThatThrownBy(() -> router.chat(req, context)).isInstanceOfSatisfying(RateLimitedException.class,
                e -> assertThat(e.limit()).contains("key#").hasSizeLessThan(LlmCallLabel.MAX_LENGTH));
        router.chat(req, context.newBuilder().apiKeyId("k".repeat(LlmCallLabel.MAX_LENGTH - 1) + "j").build());
        assertThat(upstream).as("another key has its own bucket").hasValue(3);
        assertThat(router.flushCallLog(Duration.ofSeconds(10))).isTrue();
        assertThat(view(acme).llmCalls().count(LlmCallFilter.all().withRunId(longest).withFeature(longest))).isEqualTo(4);
    }

    @Test
    void aSecondInstanceIsAnsweredFromTheStoreAfterTheMemoryLayer() {
        TenantId acme = newTenant();
        Profile cached = Profile.builder("p").models(List.of("gpt-4o")).cache(CachePolicy.ttl(Duration.ofMinutes(5))).build();
        ChatRequest req = ChatRequest.builder().profile("p").user("Band gap of GaN?").build();
        CallContext context = CallContext.of(acme);
        LlmRouter a = instance(cached);
        LlmRouter b = instance(secondStores(), cached);
        ChatResponse first = a.chat(req, context);
        ChatResponse second = b.chat(req, context);
        assertThat(upstream).as("b has an empty memory cache: its answer comes from the store").hasValue(1);
        assertThat(second.cacheHit()).isTrue();
        assertThat(second.costUsd()).isEqualByComparingTo("0");
        assertThat(second.text()).isEqualTo(first.text());
        assertThat(second.toolCalls()).isEqualTo(first.toolCalls());
        assertThat(second.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
        assertThat(view(acme).llmCache().size()).isEqualTo(1);

        assertThat(b.invalidateCache(acme, "p")).isEqualTo(1);
        assertThat(view(acme).llmCache().size()).isZero();
        assertThat(a.chat(req.newBuilder().build(), context).cacheHit())
                .as("a's memory layer may serve it until a re-reads the invalidation generations").isTrue();
        assertThat(b.chat(req, context).cacheHit()).isFalse();
        assertThat(upstream).hasValue(2);
        assertThat(a.flushCallLog(Duration.ofSeconds(10))).isTrue();
        assertThat(b.flushCallLog(Duration.ofSeconds(10))).isTrue();
        assertThat(view(acme).llmCalls().count(LlmCallFilter.all().withCacheHit(true))).as("b's store hit, a's memory hit")
                .isEqualTo(2);
        assertThat(view(acme).llmCalls().count(LlmCallFilter.all())).isEqualTo(4);
    }

    @Test
    void anInvalidationOnOneInstanceReachesTheOthersMemoryLayerWithinTheCheckInterval() {
        TenantId acme = newTenant();
        Profile cached = Profile.builder("p").models(List.of("gpt-4o")).cache(CachePolicy.ttl(Duration.ofMinutes(5))).build();
        ChatRequest req = ChatRequest.builder().profile("p").user("Band gap of GaN?").build();
        CallContext context = CallContext.of(acme);
        LlmRouter a = instance(cached);
        LlmRouter b = instance(secondStores(), cached);
        a.chat(req, context);
        assertThat(b.chat(req, context).cacheHit()).as("b now holds the answer in its memory layer").isTrue();
        assertThat(upstream).hasValue(1);

        assertThat(a.invalidateCache(acme, "p")).isEqualTo(1);
        backend().clock().advance(Duration.ofSeconds(1));
        assertThat(b.chat(req, context).cacheHit()).as("b stops serving the answer a invalidated").isFalse();
        assertThat(upstream).hasValue(2);
        assertThat(b.chat(req, context).cacheHit()).as("b's new answer is cached again").isTrue();
        assertThat(a.chat(req, context).cacheHit()).as("a reads b's new answer from the store").isTrue();

        assertThat(a.invalidateCache(acme)).as("the whole tenant").isEqualTo(1);
        backend().clock().advance(Duration.ofSeconds(1));
        assertThat(b.chat(req, context).cacheHit()).isFalse();
        assertThat(upstream).hasValue(3);
    }

    @Test
    void sixtyFourThreadsOnTwoInstancesNeverOverspendOneBudget() throws Exception {
        TenantId acme = newTenant();
        Profile budgeted = Profile.builder("p").models(List.of("gpt-4o"))
                .budget(BudgetLimit.of(BudgetLimit.Scope.PROJECT, BudgetLimit.Period.DAY, "0.02")).build();
        // an operator's looser limit on the same budget: both hold, neither overwrites the other
        view(acme).budgets().setLimit(BudgetKey.project(ProjectId.of("cathodes"), BudgetPeriod.DAY), BigDecimal.ONE);
        LlmRouter a = instance(budgeted);
        LlmRouter b = instance(secondStores(), budgeted);
        ChatRequest req = ChatRequest.builder().profile("p").user("Suggest the next composition to try.").maxTokens(100).build();
        CallContext cathodes = CallContext.builder(acme).project(ProjectId.of("cathodes")).build();
        ExecutorService pool = Executors.newFixedThreadPool(64);
        AtomicInteger refused = new AtomicInteger();
        List<Future<Integer>> results = new ArrayList<>();
        int ok = 0;
        try {
            for (int t = 0; t < 64; t++) {
                LlmRouter router = t % 2 == 0 ? a : b;
                Callable<Integer> worker = () -> {
                    int done = 0;
                    for (int i = 0; i < 3; i++) {
                        try {
                            router.chat(req, cathodes);
                            done++;
                        } catch (BudgetExceededException e) {
                            assertThat(e.budget()).isEqualTo("tenant:" + acme.value() + "/project:cathodes/day");
                            assertThat(e.scope()).isEqualTo(BudgetExceededException.Scope.PROJECT);
                            assertThat(e.resetsAt()).isPresent();
                            refused.incrementAndGet();
                        }
                    }
                    return done;
                };
                results.add(pool.submit(worker));
            }
            for (Future<Integer> f : results) {
                ok += f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(ok + refused.get()).isEqualTo(192);
        assertThat(ok).isPositive();
        assertThat(refused).hasPositiveValue();
        assertThat(upstream).hasValue(ok);
        BudgetStatus status = view(acme).budgets().status(BudgetKey.project(ProjectId.of("cathodes"), BudgetPeriod.DAY))
                .orElseThrow();
        assertThat(status.spent()).isPositive().isLessThanOrEqualTo(new BigDecimal("0.02"));
        assertThat(status.reserved()).as("every reservation settled or released").isEqualByComparingTo("0");
        assertThat(a.flushCallLog(Duration.ofSeconds(30))).isTrue();
        assertThat(b.flushCallLog(Duration.ofSeconds(30))).isTrue();
        BigDecimal logged = BigDecimal.ZERO;
        for (LlmCallRecord r : a.callLog().query(acme, LlmCallFilter.all().withOutcome(LlmCallOutcome.SUCCESS), 0, 1000)) {
            logged = logged.add(r.call().cost());
        }
        assertThat(logged).as("the call log and the budget agree").isEqualByComparingTo(status.spent());
        assertThat(view(acme).llmCalls().count(LlmCallFilter.all())).isEqualTo(192);
        assertThat(view(acme).audit().count(AuditFilter.all().withResourceType("budget").withAction("set-limit")))
                .as("the operator's limit is the one written; the profile's is never stored").isEqualTo(1);
        assertThat(status.limit()).isEqualByComparingTo("1");
    }

    @Test
    void reservationsOfADeadInstanceLapseAndFreeTheBudget() {
        TenantId acme = newTenant();
        Profile budgeted = Profile.builder("p").models(List.of("gpt-4o"))
                .budget(BudgetLimit.of(BudgetLimit.Scope.PROJECT, BudgetLimit.Period.TOTAL, "0.005")).build();
        ChatRequest req = ChatRequest.builder().profile("p").user("Suggest the next composition to try.").maxTokens(100).build();
        CallContext cathodes = CallContext.builder(acme).project(ProjectId.of("cathodes")).build();
        view(acme).budgets().setLimit(BudgetKey.project(ProjectId.of("cathodes"), BudgetPeriod.TOTAL), BigDecimal.ONE);
        LlmRouter router = instance(budgeted);
        router.chat(req, cathodes);
        // an instance that reserved the rest of the budget and died before settling
        view(acme).budgets().reserve(java.util.Optional.of(ProjectId.of("cathodes")), new BigDecimal("0.004"),
                StoreBudgetLedger.RESERVATION_TTL);
        assertThatThrownBy(() -> router.chat(req, cathodes)).isInstanceOf(BudgetExceededException.class);
        backend().clock().advance(StoreBudgetLedger.RESERVATION_TTL.plusSeconds(1));
        assertThat(router.chat(req, cathodes).text()).isEqualTo("done");
        assertThat(upstream).hasValue(2);
        BudgetStatus status = view(acme).budgets().status(BudgetKey.project(ProjectId.of("cathodes"), BudgetPeriod.TOTAL))
                .orElseThrow();
        assertThat(status.reserved()).isEqualByComparingTo("0");
        assertThat(status.spent()).isLessThanOrEqualTo(new BigDecimal("0.005"));
    }

    @Test
    void storeBackedRateLimitsHoldAcrossInstances() {
        TenantId acme = newTenant();
        Profile limited = Profile.builder("p").models(List.of("gpt-4o"))
                .rateLimit(new RateLimitRule(RateLimitRule.Scope.TENANT, 3, 0)).build();
        ChatRequest req = ChatRequest.builder().profile("p").user("hi").build();
        CallContext context = CallContext.of(acme);
        LlmRouter a = instance(limited);
        LlmRouter b = instance(secondStores(), limited);
        a.chat(req, context);
        b.chat(req, context);
        a.chat(req, context);
        assertThatThrownBy(() -> b.chat(req, context)).isInstanceOfSatisfying(RateLimitedException.class,
                e -> assertThat(e.retryAfter()).hasValueSatisfying(d -> assertThat(d).isPositive()));
        assertThatThrownBy(() -> a.chat(req, context)).isInstanceOf(RateLimitedException.class);
        assertThat(upstream).hasValue(3);
        b.chat(req, CallContext.of(newTenant()));
        assertThat(upstream).as("another tenant has its own bucket").hasValue(4);
    }

    @Test
    void oneTenantsCallsNeverShowInAnothersViews() {
        TenantId acme = newTenant();
        TenantId globex = newTenant();
        Profile p = Profile.builder("p").models(List.of("gpt-4o")).cache(CachePolicy.ttl(Duration.ofMinutes(5)))
                .budget(BudgetLimit.of(BudgetLimit.Scope.TENANT, BudgetLimit.Period.MONTH, "1")).build();
        LlmRouter router = instance(p);
        for (int i = 0; i < 5; i++) {
            router.chat(ChatRequest.builder().profile("p").user("q" + i).build(), CallContext.builder(acme).runId("shared-run").build());
        }
        router.chat(ChatRequest.builder().profile("p").user("q0").build(), CallContext.builder(globex).runId("shared-run").build());
        assertThat(upstream).as("the same prompt of another tenant is not a cache hit").hasValue(6);
        assertThat(router.flushCallLog(Duration.ofSeconds(10))).isTrue();

        assertThat(view(acme).llmCalls().count(LlmCallFilter.all())).isEqualTo(5);
        assertThat(view(globex).llmCalls().count(LlmCallFilter.all())).isEqualTo(1);
        List<LlmCallRecord> globexCalls = router.callLog().query(globex, LlmCallFilter.all().withRunId("shared-run"), 0, 100);
        assertThat(globexCalls).singleElement().satisfies(r -> assertThat(view(globex).llmCalls().find(r.id())).isPresent());
        for (LlmCallRecord r : router.callLog().query(acme, LlmCallFilter.all(), 0, 100)) {
            assertThat(view(globex).llmCalls().find(r.id())).isEmpty();
        }
        assertThat(view(globex).llmCache().size()).isEqualTo(1);
        assertThat(router.invalidateCache(globex)).isEqualTo(1);
        assertThat(view(acme).llmCache().size()).as("invalidating globex leaves acme's answers").isEqualTo(5);
        BigDecimal acmeSpent = view(acme).budgets().spent(BudgetKey.tenant(BudgetPeriod.MONTH));
        BigDecimal globexSpent = view(globex).budgets().spent(BudgetKey.tenant(BudgetPeriod.MONTH));
        assertThat(globexSpent).isPositive();
        assertThat(globexSpent.multiply(BigDecimal.valueOf(5))).isEqualByComparingTo(acmeSpent);
    }

    @Test
    void profileBudgetsNeverOverwriteAnOperatorsLimitNorAuditEveryCall() {
        TenantId acme = newTenant();
        BudgetKey day = BudgetKey.tenant(BudgetPeriod.DAY);
        view(acme).budgets().setLimit(day, new BigDecimal("0.0001"));
        Profile generous = Profile.builder("generous").models(List.of("gpt-4o"))
                .budget(BudgetLimit.of(BudgetLimit.Scope.TENANT, BudgetLimit.Period.DAY, "100")).build();
        Profile frugal = Profile.builder("frugal").models(List.of("gpt-4o"))
                .budget(BudgetLimit.of(BudgetLimit.Scope.TENANT, BudgetLimit.Period.DAY, "50")).build();
        LlmRouter router = LlmRouter.builder().model(ModelRoute.of("openai", "gpt-4o", model, 128_000)).profile(generous, frugal)
                .clock(backend().clock()).stores(RouterStores.of(backend().stores(), ROUTER)).build();
        toClose.add(0, router);
        long audits = view(acme).audit().count(AuditFilter.all().withResourceType("budget"));
        for (int i = 0; i < 6; i++) {
            String profile = i % 2 == 0 ? "generous" : "frugal";
            assertThatThrownBy(() -> router.chat(ChatRequest.builder().profile(profile).user("hi").maxTokens(100).build(),
                    CallContext.of(acme))).as("the operator's $0.0001/day holds").isInstanceOfSatisfying(
                    BudgetExceededException.class, e -> assertThat(e.limit()).isEqualByComparingTo("0.0001"));
        }
        assertThat(upstream).hasValue(0);
        assertThat(view(acme).budgets().status(day).orElseThrow().limit()).isEqualByComparingTo("0.0001");
        assertThat(view(acme).audit().count(AuditFilter.all().withResourceType("budget")))
                .as("no set-limit event per call").isEqualTo(audits);
    }

    @Test
    void aCallLongerThanItsReservationIsStillCharged() {
        TenantId acme = newTenant();
        view(acme).budgets().setLimit(BudgetKey.tenant(BudgetPeriod.DAY), new BigDecimal("10"));
        // the answer takes longer than the reservation lives, and another instance frees lapsed reservations meanwhile
        ChatModel slow = new ChatModel() {
            @Override
            public ChatResponse chat(ChatRequest request, CallContext context) {
                backend().clock().advance(StoreBudgetLedger.RESERVATION_TTL.plusMinutes(1));
                assertThat(view(acme).budgets().releaseExpired()).isEqualTo(1);
                return model.chat(request, context);
            }

            @Override
            public ChatResponse stream(ChatRequest request, CallContext context, ChatStreamListener listener) {
                return chat(request, context);
            }
        };
        LlmRouter router = LlmRouter.builder().model(ModelRoute.of("openai", "gpt-4o", slow, 128_000))
                .profile(Profile.builder("p").models(List.of("gpt-4o"))
                        .budget(BudgetLimit.of(BudgetLimit.Scope.TENANT, BudgetLimit.Period.DAY, "5")).build())
                .clock(backend().clock()).stores(RouterStores.of(backend().stores(), ROUTER)).build();
        toClose.add(0, router);
        ChatResponse r = router.chat(ChatRequest.builder().profile("p").user("a long answer").maxTokens(100).build(),
                CallContext.of(acme));
        assertThat(r.costUsd()).isPositive();
        BudgetStatus status = view(acme).budgets().status(BudgetKey.tenant(BudgetPeriod.DAY)).orElseThrow();
        assertThat(status.spent()).as("the lapsed call is charged").isEqualByComparingTo(r.costUsd());
        assertThat(status.reserved()).isEqualByComparingTo("0");
    }
}
