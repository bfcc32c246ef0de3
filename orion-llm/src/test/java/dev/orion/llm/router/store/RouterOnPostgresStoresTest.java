package dev.orion.llm.router.store;

import dev.orion.store.contract.Backend;
import dev.orion.store.contract.Backends;

/** The router's store-backed state on embedded PostgreSQL (one shared zonky instance, a non-superuser role with row-level security). */
class RouterOnPostgresStoresTest extends RouterOnStoresContract {

    @Override
    protected Backend backend() {
        return Backends.postgres();
    }
}
