package dev.orion.llm.router.store;

import dev.orion.store.contract.Backend;
import dev.orion.store.contract.Backends;

/** The router's store-backed state on orion-core's memory stores. */
class RouterOnMemoryStoresTest extends RouterOnStoresContract {

    @Override
    protected Backend backend() {
        return Backends.memory();
    }
}
