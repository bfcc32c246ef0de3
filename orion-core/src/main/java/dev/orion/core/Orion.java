package dev.orion.core;

import dev.orion.store.AdminStores;
import dev.orion.store.ApiKeyCheck;
import dev.orion.store.OrionStores;
import dev.orion.store.TenantStores;
import dev.orion.tenant.Principal;
import dev.orion.tenant.TenantId;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The ORION instance of an application: built once, shared, closed at shutdown. Everything that
 * reads or writes data goes through a tenant view from {@link #tenant(TenantId)}, so code that holds
 * no tenant cannot touch data.
 *
 * <pre>{@code
 * try (Orion orion = Orion.builder().store(Stores.embedded(Path.of("orion-data"))).build()) {
 *     TenantStores acme = orion.tenant(TenantId.of("acme"), Principal.user("alice"));
 *     acme.structures().save(NewStructure.of("Cu fcc", "Cu", 4, json));
 * }
 * }</pre>
 */
public final class Orion implements OrionStores {

    private final OrionStores store;
    private final Principal defaultActor;

    private Orion(Builder b) {
        this.store = b.store.orElseGet(() -> Stores.embedded(Path.of("orion-data")));
        this.defaultActor = b.defaultActor;
    }

    /** @return a builder; without {@code store(...)} ORION uses an embedded database in {@code ./orion-data} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @param tenant the tenant
     * @return the tenant's view, acting as the builder's default actor
     */
    public TenantStores tenant(TenantId tenant) {
        return store.tenant(tenant, defaultActor);
    }

    @Override
    public TenantStores tenant(TenantId tenant, Principal actor) {
        return store.tenant(tenant, actor);
    }

    @Override
    public AdminStores admin(Principal actor) {
        return store.admin(actor);
    }

    @Override
    public ApiKeyCheck authenticate(String presentedKey, String requiredScope) {
        return store.authenticate(presentedKey, requiredScope);
    }

    /** @return the stores this instance was built with */
    public OrionStores stores() {
        return store;
    }

    /** Closes the stores (and their connection pool, if ORION opened it). */
    @Override
    public void close() {
        store.close();
    }

    /** Configures an {@link Orion}. */
    public static final class Builder {
        private Optional<OrionStores> store = Optional.empty();
        private Principal defaultActor = Principal.system("orion");

        private Builder() {
        }

        /**
         * @param stores where data lives: {@link Stores#embedded}, {@link Stores#postgres}, {@link Stores#inMemory()}
         * @return this
         */
        public Builder store(OrionStores stores) {
            this.store = Optional.of(Objects.requireNonNull(stores, "stores"));
            return this;
        }

        /**
         * @param actor who {@link Orion#tenant(TenantId)} views act as (default {@code system:orion})
         * @return this
         */
        public Builder defaultActor(Principal actor) {
            this.defaultActor = Objects.requireNonNull(actor, "actor");
            return this;
        }

        /** @return the instance */
        public Orion build() {
            return new Orion(this);
        }
    }
}
