package dev.orion.core;

import dev.orion.core.jobs.JobService;
import dev.orion.llm.CallContext;
import dev.orion.llm.TenantChat;
import dev.orion.store.TenantStores;
import dev.orion.tenant.Principal;
import dev.orion.tenant.TenantId;
import java.util.Objects;

/**
 * One tenant's view of an {@link Orion} instance: its stores, acting as one principal, and its job
 * service. Views are cheap; get one from {@link Orion#tenant(TenantId)} whenever needed.
 *
 * <pre>{@code
 * OrionTenant acme = orion.tenant(TenantId.of("acme"));
 * JobRecord job = acme.jobs().submit(JobRequest.of(relax, "orion-eam"));
 * acme.stores().structures().save("Cu fcc", Structures.read(Path.of("Cu.cif")));
 * }</pre>
 */
public final class OrionTenant {

    private final Orion orion;
    private final TenantStores stores;

    OrionTenant(Orion orion, TenantStores stores) {
        this.orion = Objects.requireNonNull(orion, "orion");
        this.stores = Objects.requireNonNull(stores, "stores");
    }

    /** @return the tenant this view is bound to */
    public TenantId tenant() {
        return stores.tenant();
    }

    /** @return who acts through {@link #stores()} (named in audit events) */
    public Principal actor() {
        return stores.actor();
    }

    /** @return the tenant's stores, bound to {@link #tenant()} and acting as {@link #actor()} */
    public TenantStores stores() {
        return stores;
    }

    /**
     * Returns the tenant's job service, built from the engines, executors and work root of the
     * {@link Orion.Builder} and started on first use. It is one per tenant (all views of the tenant share
     * it, whatever their actor), acts as the builder's default actor, and is shut down by
     * {@link Orion#close()}.
     *
     * @return the started job service
     * @throws IllegalStateException if ORION was built without an engine, or is closed
     */
    public JobService jobs() {
        return orion.jobs(stores.tenant());
    }

    /**
     * Returns the tenant's chat model: the {@link Orion.Builder#chatModel chat model} of the builder (usually
     * an orion-llm router) bound to {@link #tenant()}, so every call through it is billed to, rate-limited for
     * and recorded under this tenant; derive views that say what the calls are for with
     * {@link TenantChat#feature}, {@link TenantChat#project} or {@link TenantChat#run}. No method of it can
     * name another tenant.
     *
     * @return the tenant-bound chat model
     * @throws IllegalStateException if ORION was built without a chat model
     */
    public TenantChat llm() {
        return TenantChat.bind(orion.chatModel(), CallContext.of(stores.tenant()));
    }

    @Override
    public String toString() {
        return "OrionTenant[" + stores.tenant().value() + " as " + stores.actor() + "]";
    }
}
