package dev.orion.store;

import dev.orion.store.contract.*;
import org.junit.jupiter.api.Nested;

/** Runs every store contract against the JDBC stores on embedded PostgreSQL with row-level security. */
class PostgresStoresTest {

    static Backend backend() {
        return Backends.postgres();
    }

    @Nested
    class StructureStoreTest extends StructureStoreContract {
        @Override
        protected Backend backend() {
            return PostgresStoresTest.backend();
        }
    }

    @Nested
    class JobStoreTest extends JobStoreContract {
        @Override
        protected Backend backend() {
            return PostgresStoresTest.backend();
        }
    }

    @Nested
    class CampaignStoreTest extends CampaignStoreContract {
        @Override
        protected Backend backend() {
            return PostgresStoresTest.backend();
        }
    }

    @Nested
    class LlmCallStoreTest extends LlmCallStoreContract {
        @Override
        protected Backend backend() {
            return PostgresStoresTest.backend();
        }
    }

    @Nested
    class LlmCacheStoreTest extends LlmCacheStoreContract {
        @Override
        protected Backend backend() {
            return PostgresStoresTest.backend();
        }
    }

    @Nested
    class BudgetStoreTest extends BudgetStoreContract {
        @Override
        protected Backend backend() {
            return PostgresStoresTest.backend();
        }
    }

    @Nested
    class UsageStoreTest extends UsageStoreContract {
        @Override
        protected Backend backend() {
            return PostgresStoresTest.backend();
        }
    }

    @Nested
    class RateLimiterStoreTest extends RateLimiterStoreContract {
        @Override
        protected Backend backend() {
            return PostgresStoresTest.backend();
        }
    }

    @Nested
    class ApiKeyStoreTest extends ApiKeyStoreContract {
        @Override
        protected Backend backend() {
            return PostgresStoresTest.backend();
        }
    }

    @Nested
    class VerdictStoreTest extends VerdictStoreContract {
        @Override
        protected Backend backend() {
            return PostgresStoresTest.backend();
        }
    }

    @Nested
    class WorkflowRunStoreTest extends WorkflowRunStoreContract {
        @Override
        protected Backend backend() {
            return PostgresStoresTest.backend();
        }
    }

    @Nested
    class WorkflowTemplateStoreTest extends WorkflowTemplateStoreContract {
        @Override
        protected Backend backend() {
            return PostgresStoresTest.backend();
        }
    }

    @Nested
    class ProvenanceStoreTest extends ProvenanceStoreContract {
        @Override
        protected Backend backend() {
            return PostgresStoresTest.backend();
        }
    }

    @Nested
    class ModelStoreTest extends ModelStoreContract {
        @Override
        protected Backend backend() {
            return PostgresStoresTest.backend();
        }
    }

    @Nested
    class AuditStoreTest extends AuditStoreContract {
        @Override
        protected Backend backend() {
            return PostgresStoresTest.backend();
        }
    }

    @Nested
    class WorkQueueTest extends WorkQueueContract {
        @Override
        protected Backend backend() {
            return PostgresStoresTest.backend();
        }
    }

    @Nested
    class CrossTenantTest extends CrossTenantContract {
        @Override
        protected Backend backend() {
            return PostgresStoresTest.backend();
        }

        @Override
        protected int cases() {
            return 2000;
        }
    }

    @Nested
    class AdminStoresTest extends AdminStoresContract {
        @Override
        protected Backend backend() {
            return PostgresStoresTest.backend();
        }
    }

    @Nested
    class RowLevelSecurityTest extends RowLevelSecurityChecks {
        @Override
        protected Backend backend() {
            return PostgresStoresTest.backend();
        }
    }

    @Nested
    class SharedDatabaseTest extends SharedDatabaseChecks {
        @Override
        protected Backend backend() {
            return PostgresStoresTest.backend();
        }
    }

    @Nested
    class CorruptStructureRowTest extends CorruptStructureRowChecks {
        @Override
        protected Backend backend() {
            return PostgresStoresTest.backend();
        }
    }

    @Nested
    class VectorIndexTest extends VectorIndexContract {
        @Override
        protected Backend backend() {
            return PostgresStoresTest.backend();
        }
    }

    @Nested
    class ReviewStoreTest extends ReviewStoreContract {
        @Override
        protected Backend backend() {
            return PostgresStoresTest.backend();
        }
    }

    @Nested
    class OrchestratorStoreTest extends OrchestratorStoreContract {
        @Override
        protected Backend backend() {
            return PostgresStoresTest.backend();
        }
    }

    @Nested
    class ResponseCacheStoreTest extends ResponseCacheStoreContract {
        @Override
        protected Backend backend() {
            return PostgresStoresTest.backend();
        }
    }
}
