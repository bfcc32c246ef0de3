package dev.orion.core;

/**
 * Prepares a tenant's data the first time an {@link Orion} instance hands out a view of that tenant (once per tenant per
 * instance, so once per tenant after every start), for example loading the shipped workflow library into the tenant's
 * template store ({@code WorkflowTemplates.installer()}). Added with {@link Orion.Builder#tenantSetup}; kept in this
 * package so that {@code Orion} knows nothing of what a setup does (the workflow package depends on this one, not the
 * reverse).
 *
 * <p>A setup must be idempotent (it runs again after each restart) and must use only the view it is given. If it
 * throws, {@link Orion#tenant} throws the same exception and the setup is tried again on the next call.
 */
@FunctionalInterface
public interface TenantSetup {

    /**
     * @param tenant the tenant's view, acting as the {@code Orion}'s default actor
     * @throws RuntimeException if the tenant cannot be prepared (the view is then not handed out)
     */
    void prepare(OrionTenant tenant);
}
