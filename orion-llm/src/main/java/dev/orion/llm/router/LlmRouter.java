package dev.orion.llm.router;

import dev.orion.llm.router.log.CallLogStats;
import dev.orion.llm.internal.ErrorText;
import dev.orion.llm.CallContext;
import dev.orion.llm.ChatModel;
import dev.orion.llm.ChatRequest;
import dev.orion.llm.ChatResponse;
import dev.orion.llm.ChatStreamListener;
import dev.orion.llm.EmbeddingModel;
import dev.orion.llm.EmbeddingRequest;
import dev.orion.llm.EmbeddingResponse;
import dev.orion.llm.LlmConfigurationException;
import dev.orion.llm.router.analytics.CallAnalytics;
import dev.orion.llm.router.budget.BudgetLedger;
import dev.orion.llm.router.budget.InMemoryBudgetLedger;
import dev.orion.llm.router.cache.CacheStore;
import dev.orion.llm.router.cache.InMemoryCacheStore;
import dev.orion.llm.internal.ResponseCache;
import dev.orion.llm.router.cost.PriceTable;
import dev.orion.llm.router.experiment.Experiments;
import dev.orion.llm.internal.AsyncCallRecorder;
import dev.orion.llm.router.log.CallLog;
import dev.orion.llm.router.log.InMemoryCallLog;
import dev.orion.llm.router.ratelimit.LocalRateLimiter;
import dev.orion.llm.router.ratelimit.RateLimiter;
import dev.orion.llm.router.store.RouterStores;
import dev.orion.store.LlmCallRecord;
import dev.orion.store.OrionStores;
import dev.orion.tenant.Principal;
import dev.orion.tenant.TenantId;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ORION's LLM router: a {@link ChatModel} that answers each request through a profile (models with
 * fallbacks, parameters, policies), survives provider failures, caches, prices, budgets, rate-limits
 * and records every call. Build it once and share it.
 *
 * <pre>{@code
 * LlmRouter router = LlmRouter.builder()
 *         .model(new ModelRoute("fast", "openai", "gpt-4o-mini", openai, 128_000))
 *         .model(new ModelRoute("careful", "anthropic", "claude-sonnet-4", anthropic, 200_000))
 *         .profiles(ProfileSet.fromYaml(Path.of("llm-profiles.yaml")))
 *         .build();
 * Orion orion = Orion.builder().store(stores).chatModel(router).build();
 * ChatResponse r = orion.tenant(acme).llm().feature("advisor")
 *         .chat(ChatRequest.builder().profile("advisor").user("...").build());
 * }</pre>
 *
 * <p>A request names a profile; a request that names only a model is routed through an implicit
 * one-model profile with default policies. Every call is billed to, rate-limited for, cached for and
 * recorded under the tenant of its {@link CallContext}; there is no default tenant.
 */
public final class LlmRouter implements ChatModel, EmbeddingModel, AutoCloseable {

    /** How long a router trusts the cache invalidation generations it read, unless its builder says otherwise. */
    public static final Duration DEFAULT_CACHE_INVALIDATION_CHECK_INTERVAL = Duration.ofSeconds(1);

    /** The feature an embedding call is recorded under when its context names none. */
    public static final String EMBEDDING_FEATURE = "embeddings";

    private static final Logger LOG = LoggerFactory.getLogger(LlmRouter.class);

    private final Map<String, ModelRoute> routes;
    private final ProfileRouting routing;
    private final List<RouterLink> links;
    private final Clock clock;
    private final CallLog callLog;
    private final AsyncCallRecorder recorder;
    private final ResponseCache cache;
    private final CallAnalytics analytics;
    private final Experiments experiments;
    private final EmbeddingRouting embeddings;

    private LlmRouter(Builder b) {
        this.routes = Map.copyOf(b.routes);
        this.clock = b.clock;
        this.experiments = new Experiments();
        this.routing = new ProfileRouting(routes, b.profiles, experiments);
        this.callLog = b.callLog;
        AsyncCallRecorder.Builder recording = AsyncCallRecorder.builder(b.callLog).capacity(b.recorderCapacity);
        b.deadLetterFile.ifPresent(recording::deadLetterFile);
        this.recorder = recording.build();
        this.cache = new ResponseCache(b.cacheStore, b.cacheMaxEntries, clock, b.cacheInvalidationCheckInterval);
        this.analytics = b.analytics != null ? b.analytics : new CallAnalytics(clock, Duration.ofSeconds(10), 360);
        ModelHealth health = new ModelHealth();
        List<RouterLink> chain = new ArrayList<>();
        chain.add(new CacheLink(cache));
        chain.addAll(b.links);
        chain.add(new RateLimitLink(b.rateLimiter));
        chain.add(new BudgetLink(b.budgetLedger, b.prices));
        chain.add(new FallbackLink(health, clock));
        RetryLink retry = new RetryLink(health, b.sleeper, clock);
        chain.add(retry);
        chain.add(new ModelCallLink(b.rateLimiter, b.prices));
        this.links = List.copyOf(chain);
        this.embeddings = new EmbeddingRouting(cache, b.rateLimiter, b.budgetLedger, b.prices, health, retry, clock);
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public ChatResponse chat(ChatRequest request, CallContext context) {
        return execute(request, context, null);
    }

    @Override
    public ChatResponse stream(ChatRequest request, CallContext context, ChatStreamListener listener) {
        return execute(request, context, Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Embeds texts through the request's profile (or the one-model profile of the model it names), with the
     * profile's cache, budgets, fallbacks and retries, as {@link #chat} does. Every call is recorded in the
     * call log with its cost, under the context's feature or {@value #EMBEDDING_FEATURE}; a cache hit costs
     * nothing. The profile's models must have backends that embed (OpenAI-compatible and Ollama providers do).
     *
     * @param request the texts and the profile or model
     * @param context who the call is for
     * @return one vector per input
     */
    @Override
    public EmbeddingResponse embed(EmbeddingRequest request, CallContext context) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(context, "context");
        long startNanos = System.nanoTime();
        CallContext recorded = context.feature().isPresent() ? context : context.newBuilder().feature(EMBEDDING_FEATURE).build();
        ProfileRouting.Chosen chosen = routing.choose(request.profile(), request.model(), recorded);
        RoutedCall call = new RoutedCall(recorded, chosen.profile(), chosen.models(), routes, clock.instant(),
                chosen.experimentLabel(), null);
        EmbeddingResponse response = null;
        RuntimeException failure = null;
        try {
            response = embeddings.embed(request, call);
            return response;
        } catch (RuntimeException e) {
            failure = e;
            LOG.warn("embedding call of tenant {} (profile {}) failed after {}: {}", call.tenant(), call.profile().name(),
                    call.modelsTried(), ErrorText.safe(e.toString(), List.of()));
            throw e;
        } finally {
            Duration latency = Duration.ofNanos(System.nanoTime() - startNanos);
            LlmCallRecord record;
            try {
                record = CallRecords.of(call, routes, response == null ? null : response.usage(),
                        response == null ? java.math.BigDecimal.ZERO : response.costUsd(), failure, latency);
                recorder.record(call.tenant(), record);
                analytics.record(record.call());
                chosen.assignment().ifPresent(a -> experiments.recordOutcome(a.experiment(), a.variant().name(),
                        record.call().success(), latency, record.call().cost()));
            } catch (IllegalArgumentException unstorable) {
                LOG.error("embedding call of tenant {} cannot be recorded: {}", call.tenant(), unstorable.getMessage());
            }
        }
    }

    /**
     * Replaces all profiles atomically. Calls already running keep the profiles they started with.
     *
     * @param next the new profiles
     * @throws LlmConfigurationException if a profile names a model the router does not know (nothing changes then)
     */
    public void reloadProfiles(ProfileSet next) {
        routing.reload(Objects.requireNonNull(next, "profiles"));
    }

    /** The profiles in force. */
    public ProfileSet profiles() {
        return routing.profiles();
    }

    /**
     * Drops one profile's cached answers of a tenant: at once from this router and the store, and from the
     * memory of other routers on the same store within their {@link Builder#cacheInvalidationCheckInterval}.
     *
     * @param tenant  the tenant
     * @param profile the profile
     * @return entries removed from the store
     */
    public long invalidateCache(TenantId tenant, String profile) {
        return cache.invalidateProfile(tenant, profile);
    }

    /**
     * Drops every cached answer of a tenant, as {@link #invalidateCache(TenantId, String)} does one profile's.
     *
     * @param tenant the tenant
     * @return entries removed from the store
     */
    public long invalidateCache(TenantId tenant) {
        return cache.invalidateTenant(tenant);
    }

    /** The call log, for queries and export (records arrive asynchronously: see {@link #flushCallLog}). */
    public CallLog callLog() {
        return callLog;
    }

    /** Waits until every call finished so far is in the call log. @param timeout the longest wait @return whether it was */
    public boolean flushCallLog(Duration timeout) {
        return recorder.flush(timeout);
    }

    /**
     * What the call log's writer has done: records accepted, written, set aside as dead letters, and the
     * longest time a caller waited to hand its record over.
     */
    public CallLogStats callLogStats() {
        return recorder.stats();
    }

    /** Sliding-window figures per model and profile. */
    public CallAnalytics analytics() {
        return analytics;
    }

    /** The A/B experiments of this router. */
    public Experiments experiments() {
        return experiments;
    }

    /** Writes the remaining call records and stops the writer. */
    @Override
    public void close() {
        recorder.close();
    }

    private ChatResponse execute(ChatRequest request, CallContext context, ChatStreamListener listener) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(context, "context");
        long startNanos = System.nanoTime();
        Instant startedAt = clock.instant();
        ProfileRouting.Route route = routing.route(request, context);
        ChatRequest effective = route.request();
        Optional<Experiments.Assignment> assignment = route.assignment();
        RoutedCall call = new RoutedCall(context, route.profile(), route.models(), routes, startedAt,
                route.experimentLabel(), listener);
        ChatResponse response = null;
        RuntimeException failure = null;
        try {
            response = new RealChain(links, 0, effective, call).proceed(effective);
            if (!response.cacheHit()) {
                response = response.withModelsTried(call.modelsTried());
            }
            return response;
        } catch (RuntimeException e) {
            failure = e;
            LOG.warn("LLM call of tenant {} (profile {}) failed after {}: {}", call.tenant(), call.profile().name(),
                    call.modelsTried(), ErrorText.safe(e.toString(), List.of()));
            throw e;
        } finally {
            Duration latency = Duration.ofNanos(System.nanoTime() - startNanos);
            record(call, response, failure, latency, assignment);
        }
    }

    private void record(RoutedCall call, ChatResponse response, RuntimeException failure, Duration latency,
                        Optional<Experiments.Assignment> assignment) {
        LlmCallRecord record;
        try {
            record = CallRecords.of(call, routes, response, failure, latency);
        } catch (IllegalArgumentException unstorable) {
            // what a provider or the configuration supplied (a provider name over 100 characters, a request id
            // over a label's length) must not replace the caller's answer or error
            LOG.error("LLM call of tenant {} cannot be recorded: {}", call.tenant(), unstorable.getMessage());
            return;
        }
        recorder.record(call.tenant(), record);
        analytics.record(record.call());
        assignment.ifPresent(a -> experiments.recordOutcome(a.experiment(), a.variant().name(),
                record.call().success(), latency, record.call().cost()));
    }

    /** Collects the parts of an {@link LlmRouter}; everything but the models has an in-memory default. */
    public static final class Builder {
        private final Map<String, ModelRoute> routes = new LinkedHashMap<>();
        private ProfileSet profiles = ProfileSet.builder().build();
        private final List<RouterLink> links = new ArrayList<>();
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.SYSTEM;
        private PriceTable prices = PriceTable.bundled();
        private RouterStores stores;
        private CallLog callLog;
        private int recorderCapacity = 10_000;
        private Optional<Path> deadLetterFile = Optional.empty();
        private BudgetLedger budgetLedger;
        private RateLimiter rateLimiter;
        private CacheStore cacheStore;
        private long cacheMaxEntries = 10_000;
        private Duration cacheInvalidationCheckInterval = DEFAULT_CACHE_INVALIDATION_CHECK_INTERVAL;
        private CallAnalytics analytics;

        private Builder() {
        }

        /** @param route a model the profiles may name @return this */
        public Builder model(ModelRoute route) {
            if (routes.putIfAbsent(route.name(), route) != null) {
                throw new IllegalArgumentException("model '" + route.name() + "' is registered twice");
            }
            return this;
        }

        /** @param profiles the initial profiles @return this */
        public Builder profiles(ProfileSet profiles) {
            this.profiles = Objects.requireNonNull(profiles, "profiles");
            return this;
        }

        /** Adds base profiles to the initial set. @param more profiles @return this */
        public Builder profile(Profile... more) {
            ProfileSet.Builder b = ProfileSet.builder();
            profiles.profiles().values().forEach(b::profile);
            for (Profile p : more) {
                b.profile(p);
            }
            this.profiles = b.build();
            return this;
        }

        /** @param link a link run after the cache and before rate limits @return this */
        public Builder addLink(RouterLink link) {
            links.add(Objects.requireNonNull(link, "link"));
            return this;
        }

        /** @param clock the time source @return this */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Test seam: how to wait between retries (the default sleeps). @param sleeper the waiter @return this */
        Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /** @param prices the price table (default: bundled list prices) @return this */
        public Builder prices(PriceTable prices) {
            this.prices = Objects.requireNonNull(prices, "prices");
            return this;
        }

        /**
         * Keeps the router's state in ORION's stores (an {@code Orion}, or {@code Stores.embedded(path)},
         * {@code Stores.postgres(...)}): one record per call in each tenant's {@code llmCalls()}, cached
         * answers in {@code llmCache()}, budgets in {@code budgets()} and rate-limit buckets in
         * {@code rateLimits()}, acting as {@code Principal.system("llm-router")}. With PostgreSQL, budgets,
         * rate limits and the cache hold across every instance sharing the database. A part set with its
         * own method ({@link #callLog}, {@link #cacheStore}, {@link #budgetLedger}, {@link #rateLimiter})
         * overrides the store-backed one. Close the router before the stores, so its call log is flushed.
         *
         * @param stores ORION's stores
         * @return this
         */
        public Builder stores(OrionStores stores) {
            return stores(RouterStores.of(Objects.requireNonNull(stores, "stores"), Principal.system("llm-router")));
        }

        /** @param stores the store adapters (e.g. acting as another principal) @return this @see #stores(OrionStores) */
        public Builder stores(RouterStores stores) {
            this.stores = Objects.requireNonNull(stores, "stores");
            return this;
        }

        /** @param log where call records go (default: in memory) @return this */
        public Builder callLog(CallLog log) {
            this.callLog = Objects.requireNonNull(log, "callLog");
            return this;
        }

        /** @param capacity records queued before callers wait for the writer @return this */
        public Builder recorderCapacity(int capacity) {
            this.recorderCapacity = capacity;
            return this;
        }

        /**
         * @param file a JSON-lines file for call records the call log cannot take (default: kept in memory,
         *             see {@link AsyncCallRecorder})
         * @return this
         */
        public Builder callLogDeadLetterFile(Path file) {
            this.deadLetterFile = Optional.of(Objects.requireNonNull(file, "callLogDeadLetterFile"));
            return this;
        }

        /** @param ledger where budgets are kept (default: in memory) @return this */
        public Builder budgetLedger(BudgetLedger ledger) {
            this.budgetLedger = Objects.requireNonNull(ledger, "budgetLedger");
            return this;
        }

        /** @param limiter the rate limiter (default: local token buckets) @return this */
        public Builder rateLimiter(RateLimiter limiter) {
            this.rateLimiter = Objects.requireNonNull(limiter, "rateLimiter");
            return this;
        }

        /** @param store the cache's system of record (default: in memory) @return this */
        public Builder cacheStore(CacheStore store) {
            this.cacheStore = Objects.requireNonNull(store, "cacheStore");
            return this;
        }

        /** @param max entries kept in memory @return this */
        public Builder cacheMaxEntries(long max) {
            this.cacheMaxEntries = max;
            return this;
        }

        /**
         * How long the cache trusts the invalidation generations it last read from its store before reading them
         * again: the longest an {@link #invalidateCache} through another router on the same store (another JVM)
         * can take to stop this router serving the answers it dropped. {@link Duration#ZERO} reads them on every
         * lookup, adding a store round trip to every cache hit.
         *
         * @param interval at least zero (default {@link #DEFAULT_CACHE_INVALIDATION_CHECK_INTERVAL})
         * @return this
         * @throws IllegalArgumentException if {@code interval} is negative
         */
        public Builder cacheInvalidationCheckInterval(Duration interval) {
            Objects.requireNonNull(interval, "cacheInvalidationCheckInterval");
            if (interval.isNegative()) {
                throw new IllegalArgumentException("cacheInvalidationCheckInterval must not be negative, was " + interval);
            }
            this.cacheInvalidationCheckInterval = interval;
            return this;
        }

        /** @param analytics the analytics to feed (default: one hour of 10 s buckets) @return this */
        public Builder analytics(CallAnalytics analytics) {
            this.analytics = Objects.requireNonNull(analytics, "analytics");
            return this;
        }

        /** @return the router */
        public LlmRouter build() {
            if (routes.isEmpty()) {
                throw new IllegalStateException("a router needs at least one model");
            }
            RouterStores state = stores == null ? null : stores.withClock(clock);
            if (callLog == null) {
                callLog = state == null ? new InMemoryCallLog() : state.callLog();
            }
            if (cacheStore == null) {
                cacheStore = state == null ? new InMemoryCacheStore() : state.cacheStore();
            }
            if (budgetLedger == null) {
                budgetLedger = state == null ? new InMemoryBudgetLedger(clock) : state.budgetLedger();
            }
            if (rateLimiter == null) {
                rateLimiter = state == null ? new LocalRateLimiter() : state.rateLimiter();
            }
            return new LlmRouter(this);
        }
    }

    @Override
    public String toString() {
        return "LlmRouter{models=" + routes.keySet() + ", profiles=" + routing.profiles().names() + "}";
    }
}
