package dev.orion.spring.metrics;

import dev.orion.BudgetExceededException;
import dev.orion.llm.ChatResponse;
import dev.orion.llm.router.ModelRoute;
import dev.orion.llm.router.RoutedCall;
import dev.orion.llm.router.RouterLink;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A router link that records each routed call (cache misses: it runs after the cache) as OpenTelemetry's
 * GenAI client metrics, with the specification's histogram buckets:
 * <ul>
 *   <li>{@value #DURATION}: a timer of the whole call, fallbacks and retries included;</li>
 *   <li>{@value #TOKEN_USAGE}: input and output tokens, one summary per {@code gen_ai.token.type};</li>
 * </ul>
 * tagged {@code gen_ai.operation.name=chat}, {@code gen_ai.provider.name} (the {@code ModelRoute}'s provider
 * name: call a provider {@code openai} or {@code anthropic} to match the specification's well-known
 * values), {@code gen_ai.request.model} and {@code gen_ai.response.model}, and {@code error.type} (the
 * exception's class name) on failures. ORION's own, tagged with the profile: {@value #COST} (US
 * dollars), {@value #FALLBACKS} (calls answered by a model other than the first tried) and
 * {@value #BUDGET_REFUSALS}. No prompt or completion text is recorded.
 */
public final class GenAiMetricsLink implements RouterLink {

    /** The duration of a call, in seconds. */
    public static final String DURATION = "gen_ai.client.operation.duration";
    /** The tokens of a call, by {@code gen_ai.token.type}. */
    public static final String TOKEN_USAGE = "gen_ai.client.token.usage";
    /** The cost of calls, in US dollars. */
    public static final String COST = "orion.llm.cost";
    /** Calls answered by a fallback model. */
    public static final String FALLBACKS = "orion.llm.fallbacks";
    /** Calls refused by a budget. */
    public static final String BUDGET_REFUSALS = "orion.llm.budget.refusals";

    /** OpenTelemetry's advised buckets of {@code gen_ai.client.operation.duration}, in seconds. */
    static final double[] DURATION_BUCKETS = {0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24,
        20.48, 40.96, 81.92};
    /** OpenTelemetry's advised buckets of {@code gen_ai.client.token.usage}. */
    static final double[] TOKEN_BUCKETS = {1, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 262144, 1048576, 4194304,
        16777216, 67108864};

    private static final String OPERATION = "chat";

    private final MeterRegistry registry;

    /** @param registry where the meters are registered */
    public GenAiMetricsLink(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    @Override
    public ChatResponse intercept(Chain chain) {
        long start = System.nanoTime();
        RoutedCall call = chain.call();
        ChatResponse response;
        try {
            response = chain.proceed(chain.request());
        } catch (RuntimeException e) {
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            Optional<ModelRoute> route = lastTried(call);
            timer(route, Optional.empty(), Optional.of(e.getClass().getName())).record(elapsed);
            if (e instanceof BudgetExceededException) {
                registry.counter(BUDGET_REFUSALS, "orion.profile", call.profile().name()).increment();
            }
            throw e;
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        Optional<ModelRoute> route = lastTried(call);
        timer(route, Optional.of(response.model()), Optional.empty()).record(elapsed);
        tokens(route, response, "input").record(response.usage().inputTokens());
        tokens(route, response, "output").record(response.usage().outputTokens());
        registry.counter(COST, "orion.profile", call.profile().name()).increment(response.costUsd().doubleValue());
        if (call.modelsTried().size() > 1) {
            registry.counter(FALLBACKS, "orion.profile", call.profile().name()).increment();
        }
        return response;
    }

    private Timer timer(Optional<ModelRoute> route, Optional<String> responseModel, Optional<String> error) {
        Tags tags = common(route);
        if (responseModel.isPresent()) {
            tags = tags.and("gen_ai.response.model", responseModel.get());
        }
        if (error.isPresent()) {
            tags = tags.and("error.type", error.get());
        }
        return Timer.builder(DURATION).description("GenAI operation duration.").tags(tags)
                .serviceLevelObjectives(durations()).register(registry);
    }

    private DistributionSummary tokens(Optional<ModelRoute> route, ChatResponse response, String type) {
        return DistributionSummary.builder(TOKEN_USAGE).description("Number of input and output tokens used.")
                .baseUnit("tokens").tags(common(route).and("gen_ai.response.model", response.model())
                        .and("gen_ai.token.type", type))
                .serviceLevelObjectives(TOKEN_BUCKETS).register(registry);
    }

    private static Tags common(Optional<ModelRoute> route) {
        return Tags.of("gen_ai.operation.name", OPERATION,
                "gen_ai.provider.name", route.map(ModelRoute::provider).orElse("none"),
                "gen_ai.request.model", route.map(ModelRoute::providerModel).orElse("none"));
    }

    /** The model that answered or failed last; none when the call failed before any model was tried. */
    private static Optional<ModelRoute> lastTried(RoutedCall call) {
        List<String> tried = call.modelsTried();
        if (tried.isEmpty()) {
            return Optional.empty();
        }
        String name = tried.get(tried.size() - 1);
        return call.routes().stream().filter(r -> r.name().equals(name)).findFirst();
    }

    private static Duration[] durations() {
        Duration[] out = new Duration[DURATION_BUCKETS.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = Duration.ofNanos(Math.round(DURATION_BUCKETS[i] * 1e9));
        }
        return out;
    }
}
