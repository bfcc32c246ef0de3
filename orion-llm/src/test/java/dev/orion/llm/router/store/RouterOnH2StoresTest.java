package dev.orion.llm.router.store;

import dev.orion.store.contract.Backend;
import dev.orion.store.contract.Backends;

/** The router's store-backed state on orion-core's h2 stores. */
class RouterOnH2StoresTest extends RouterOnStoresContract {

    @Override
    protected Backend backend() {
        return Backends.h2();
    }
}
