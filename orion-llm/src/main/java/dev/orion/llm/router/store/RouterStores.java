package dev.orion.llm.router.store;

import dev.orion.llm.router.budget.BudgetLedger;
import dev.orion.llm.router.cache.CacheStore;
import dev.orion.llm.router.log.CallLog;
import dev.orion.llm.router.ratelimit.RateLimiter;
import dev.orion.store.OrionStores;
import dev.orion.store.TenantStores;
import dev.orion.tenant.Principal;
import dev.orion.tenant.TenantId;
import java.time.Clock;
import java.util.Objects;

/**
 * The router's persistent state over {@link OrionStores}: each piece reaches the tenant-bound store
 * of the call's tenant, acting as one principal (usually {@code Principal.system("llm-router")}).
 * The usual way in is the router's builder, which wires all four parts:
 *
 * <pre>{@code
 * LlmRouter router = LlmRouter.builder()...
 *         .stores(Stores.embedded(Path.of("orion-data")))     // or an Orion, or Stores.postgres(...)
 *         .build();
 * // acting as another principal:
 * LlmRouter.builder()...stores(RouterStores.of(stores, Principal.system("advisor-service"))).build();
 * }</pre>
 */
public final class RouterStores {

    private final OrionStores stores;
    private final Principal actor;
    private final Clock clock;

    private RouterStores(OrionStores stores, Principal actor, Clock clock) {
        this.stores = Objects.requireNonNull(stores, "stores");
        this.actor = Objects.requireNonNull(actor, "actor");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The router's state in {@code stores}.
     *
     * @param stores ORION's stores
     * @param actor  who the router acts as (named in audit events)
     * @return the adapters
     */
    public static RouterStores of(OrionStores stores, Principal actor) {
        return new RouterStores(stores, actor, Clock.systemUTC());
    }

    /** @param clock the time source for cache expiry @return a copy on that clock */
    public RouterStores withClock(Clock clock) {
        return new RouterStores(stores, actor, clock);
    }

    /** One record per call, in each tenant's {@code llmCalls()} store. */
    public CallLog callLog() {
        return new StoreCallLog(this);
    }

    /** Cached answers in each tenant's {@code llmCache()} store. */
    public CacheStore cacheStore() {
        return new StoreCacheStore(this, clock);
    }

    /** Budgets and reservations in each tenant's {@code budgets()} store. */
    public BudgetLedger budgetLedger() {
        return new StoreBudgetLedger(this);
    }

    /** Token buckets in each tenant's {@code rateLimits()} store. */
    public RateLimiter rateLimiter() {
        return new StoreRateLimiter(this);
    }

    TenantStores tenant(TenantId tenant) {
        return stores.tenant(tenant, actor);
    }
}
