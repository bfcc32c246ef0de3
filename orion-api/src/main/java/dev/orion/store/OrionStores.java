package dev.orion.store;

import dev.orion.tenant.Principal;
import dev.orion.tenant.TenantId;

/**
 * The entry point to ORION's persistence: hands out tenant-bound views and the audited admin view.
 *
 * <p>Modules that must not depend on orion-core (the LLM router, for one) take an
 * {@code OrionStores} and reach their stores through {@link #tenant(TenantId, Principal)}.
 * Implementations are thread-safe and built once per application; {@link #close()} releases
 * connections.
 */
public interface OrionStores extends AutoCloseable {

    /**
     * Returns the view of one tenant's data, acting as {@code actor}. Every store of the view reads
     * and writes only {@code tenant}'s rows, and audit events name {@code actor}.
     *
     * @param tenant the tenant, not {@link TenantId#ADMIN}
     * @param actor  who is acting
     * @return the tenant view (cheap to create; no connection is held)
     */
    TenantStores tenant(TenantId tenant, Principal actor);

    /**
     * Returns the cross-tenant view for reports (usage, audit). Each call made through it writes an
     * audit event under {@link TenantId#ADMIN} naming {@code actor}.
     *
     * @param actor who is acting
     * @return the admin view
     */
    AdminStores admin(Principal actor);

    /**
     * Checks an API key presented by a client and, when it is valid, charges one request to its rate
     * limit and records its last use (at most once a minute). Secrets are compared by hash, in constant
     * time, without locking the key. A failed attempt on a tenant that has keys (unknown id, wrong
     * secret, revoked, expired, missing scope) is audited in that tenant as {@code "authenticate-failed"}
     * on resource type {@code "api-key"}; after 10 failures in a minute for one key id (or for unknown
     * ids of one tenant) further failures are answered {@link ApiKeyCheck.Reason#RATE_LIMITED} and not
     * audited one by one, while the right secret with a granted scope is still accepted.
     *
     * @param presentedKey  the full key text as the client sent it
     * @param requiredScope the scope the call needs, e.g. {@code "jobs:write"}
     * @return whether the key was accepted, and if not, why
     */
    ApiKeyCheck authenticate(String presentedKey, String requiredScope);

    /** Releases connections and other resources. */
    @Override
    void close();
}
