package dev.orion.llm.router;

import dev.orion.llm.CallContext;
import dev.orion.llm.ChatChunk;
import dev.orion.llm.ChatStreamListener;
import dev.orion.llm.Usage;
import java.math.BigDecimal;
import dev.orion.tenant.TenantId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One call as the router handles it: who it is for (its {@link CallContext}), which profile and models apply, and what has
 * happened so far (models tried, chunks streamed, cache hit). Links read it; the router fills it.
 * Confined to the calling thread.
 */
public final class RoutedCall {

    private final CallContext context;
    private final Profile profile;
    private final List<ModelRoute> routes;
    private final Map<String, ModelRoute> routesByName;
    private final Instant startedAt;
    private final Optional<String> experiment;
    private final ChatStreamListener listener;
    private final ChatStreamListener userListener;
    private final List<String> tried = new ArrayList<>();
    private final StringBuilder streamed = new StringBuilder();
    private int chunksDelivered;
    private boolean cacheHit;
    private String lastProvider;
    private String requestId;
    private Usage billedUsage = Usage.ZERO;
    private BigDecimal billedCost = BigDecimal.ZERO;

    RoutedCall(CallContext context, Profile profile, List<ModelRoute> routes,
               Map<String, ModelRoute> routesByName, Instant startedAt, Optional<String> experiment,
               ChatStreamListener listener) {
        this.context = context;
        this.profile = profile;
        this.routes = routes;
        this.routesByName = routesByName;
        this.startedAt = startedAt;
        this.experiment = experiment;
        this.listener = listener == null ? null : this::deliver;
        this.userListener = listener;
    }

    /** Who the call is for: tenant, project, run, feature, cache flags. */
    public CallContext context() {
        return context;
    }

    /** The tenant billed (the context's). */
    public TenantId tenant() {
        return context.tenant();
    }

    /** The profile in force (after overrides and experiment assignment). */
    public Profile profile() {
        return profile;
    }

    /** The profile's models, primary first. */
    public List<ModelRoute> routes() {
        return routes;
    }

    /** When the call started. */
    public Instant startedAt() {
        return startedAt;
    }

    /** {@code experiment:variant} when an experiment assigned the call. */
    public Optional<String> experiment() {
        return experiment;
    }

    /** Whether the caller asked for a stream. */
    public boolean streaming() {
        return listener != null;
    }

    /** The models tried so far, in order. */
    public List<String> modelsTried() {
        return List.copyOf(tried);
    }

    /** How many chunks reached the caller. */
    public int chunksDelivered() {
        return chunksDelivered;
    }

    /** Whether the cache answered. */
    public boolean cacheHit() {
        return cacheHit;
    }

    ModelRoute route(String name) {
        ModelRoute r = routesByName.get(name);
        if (r == null) {
            throw new IllegalStateException("no route for model '" + name + "'");
        }
        return r;
    }

    ChatStreamListener listener() {
        return listener;
    }

    String streamedText() {
        return streamed.toString();
    }

    void tried(String model) {
        tried.add(model);
    }

    void markCacheHit() {
        cacheHit = true;
    }

    void provider(String provider) {
        lastProvider = provider;
    }

    Optional<String> provider() {
        return Optional.ofNullable(lastProvider);
    }

    void requestId(String id) {
        if (id != null && !id.isEmpty()) {
            requestId = id;
        }
    }

    Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }

    /** Adds what a failed attempt is billed by its provider (a stream cut after chunks). */
    void billed(Usage usage, BigDecimal cost) {
        billedUsage = billedUsage.plus(usage);
        billedCost = billedCost.add(cost);
    }

    /** Tokens that failed attempts were billed for. */
    Usage billedUsage() {
        return billedUsage;
    }

    /** Dollars that failed attempts were billed for. */
    BigDecimal billedCost() {
        return billedCost;
    }

    private void deliver(ChatChunk chunk) {
        chunksDelivered++;
        if (chunk.kind() == ChatChunk.Kind.TEXT) {
            streamed.append(chunk.text());
        }
        userListener.onChunk(chunk);
    }
}
