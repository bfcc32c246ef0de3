package dev.orion.store;

import dev.orion.store.contract.*;
import org.junit.jupiter.api.Nested;

/** Runs every store contract against the in-memory stores. */
class MemoryStoresTest {

    static Backend backend() {
        return Backends.memory();
    }

    @Nested
    class StructureStoreTest extends StructureStoreContract {
        @Override
        protected Backend backend() {
            return MemoryStoresTest.backend();
        }
    }

    @Nested
    class JobStoreTest extends JobStoreContract {
        @Override
        protected Backend backend() {
            return MemoryStoresTest.backend();
        }
    }

    @Nested
    class CampaignStoreTest extends CampaignStoreContract {
        @Override
        protected Backend backend() {
            return MemoryStoresTest.backend();
        }
    }

    @Nested
    class LlmCallStoreTest extends LlmCallStoreContract {
        @Override
        protected Backend backend() {
            return MemoryStoresTest.backend();
        }
    }

    @Nested
    class LlmCacheStoreTest extends LlmCacheStoreContract {
        @Override
        protected Backend backend() {
            return MemoryStoresTest.backend();
        }
    }

    @Nested
    class BudgetStoreTest extends BudgetStoreContract {
        @Override
        protected Backend backend() {
            return MemoryStoresTest.backend();
        }
    }

    @Nested
    class UsageStoreTest extends UsageStoreContract {
        @Override
        protected Backend backend() {
            return MemoryStoresTest.backend();
        }
    }

    @Nested
    class RateLimiterStoreTest extends RateLimiterStoreContract {
        @Override
        protected Backend backend() {
            return MemoryStoresTest.backend();
        }
    }

    @Nested
    class ApiKeyStoreTest extends ApiKeyStoreContract {
        @Override
        protected Backend backend() {
            return MemoryStoresTest.backend();
        }
    }

    @Nested
    class VerdictStoreTest extends VerdictStoreContract {
        @Override
        protected Backend backend() {
            return MemoryStoresTest.backend();
        }
    }

    @Nested
    class WorkflowRunStoreTest extends WorkflowRunStoreContract {
        @Override
        protected Backend backend() {
            return MemoryStoresTest.backend();
        }
    }

    @Nested
    class WorkflowTemplateStoreTest extends WorkflowTemplateStoreContract {
        @Override
        protected Backend backend() {
            return MemoryStoresTest.backend();
        }
    }

    @Nested
    class ProvenanceStoreTest extends ProvenanceStoreContract {
        @Override
        protected Backend backend() {
            return MemoryStoresTest.backend();
        }
    }

    @Nested
    class ModelStoreTest extends ModelStoreContract {
        @Override
        protected Backend backend() {
            return MemoryStoresTest.backend();
        }
    }

    @Nested
    class AuditStoreTest extends AuditStoreContract {
        @Override
        protected Backend backend() {
            return MemoryStoresTest.backend();
        }
    }

    @Nested
    class WorkQueueTest extends WorkQueueContract {
        @Override
        protected Backend backend() {
            return MemoryStoresTest.backend();
        }
    }

    @Nested
    class CrossTenantTest extends CrossTenantContract {
        @Override
        protected Backend backend() {
            return MemoryStoresTest.backend();
        }

        @Override
        protected int cases() {
            return 7000;
        }
    }

    @Nested
    class AdminStoresTest extends AdminStoresContract {
        @Override
        protected Backend backend() {
            return MemoryStoresTest.backend();
        }
    }

    @Nested
    class VectorIndexTest extends VectorIndexContract {
        @Override
        protected Backend backend() {
            return MemoryStoresTest.backend();
        }
    }

    @Nested
    class ReviewStoreTest extends ReviewStoreContract {
        @Override
        protected Backend backend() {
            return MemoryStoresTest.backend();
        }
    }

    @Nested
    class OrchestratorStoreTest extends OrchestratorStoreContract {
        @Override
        protected Backend backend() {
            return MemoryStoresTest.backend();
        }
    }

    @Nested
    class ResponseCacheStoreTest extends ResponseCacheStoreContract {
        @Override
        protected Backend backend() {
            return MemoryStoresTest.backend();
        }
    }
}
