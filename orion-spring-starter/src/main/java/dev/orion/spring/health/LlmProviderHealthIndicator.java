package dev.orion.spring.health;

import dev.orion.llm.router.LlmRouter;
import dev.orion.llm.router.analytics.WindowStats;
import dev.orion.spring.autoconfigure.OrionLlmProperties;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * One configured LLM provider: its kind, URL, whether a key is configured (never the key), and the
 * router's figures of the last five minutes for each of its models. It is down when it had calls in that
 * window and every one of them failed. It costs no provider call, unless the optional ping is on
 * ({@code management.health.orion.llm.ping.enabled}): then its first model is sent a one-token prompt at most
 * once per interval ({@link LlmPing}), and a failed ping makes it down.
 */
final class LlmProviderHealthIndicator extends AbstractHealthIndicator {

    static final Duration WINDOW = Duration.ofMinutes(5);

    private final OrionLlmProperties.Provider provider;
    private final List<String> models;
    private final LlmRouter router;
    private final Optional<LlmPing> ping;

    /**
     * @param provider the provider's properties
     * @param models   the router names of the models it serves
     * @param router   the router whose analytics are read
     * @param ping     the ping, when it is on
     */
    LlmProviderHealthIndicator(OrionLlmProperties.Provider provider, List<String> models, LlmRouter router,
                               Optional<LlmPing> ping) {
        super("ORION LLM provider health check failed");
        this.provider = provider;
        this.models = List.copyOf(models);
        this.router = router;
        this.ping = ping;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        long calls = 0;
        long successes = 0;
        Map<String, Object> recent = new LinkedHashMap<>();
        for (String model : models) {
            WindowStats s = router.analytics().model(model, WINDOW);
            calls += s.count();
            successes += s.successes();
            recent.put(model, Map.of("calls", s.count(), "successes", s.successes()));
        }
        builder.withDetail("kind", provider.kind().name().toLowerCase(java.util.Locale.ROOT))
                .withDetail("baseUrl", provider.baseUrl())
                .withDetail("apiKey", provider.apiKey() == null ? "none" : "configured")
                .withDetail("last5Minutes", recent);
        Optional<LlmPing.Result> pinged = ping.filter(p -> !models.isEmpty()).map(p -> p.ping(models.get(0)));
        pinged.ifPresent(r -> builder.withDetail("ping", r.details()));
        if (pinged.isPresent() && !pinged.get().ok()) {
            builder.down();
        } else if (calls > 0 && successes == 0) {
            builder.down().withDetail("error", "every call of the last 5 minutes failed");
        } else {
            builder.up();
        }
    }
}
