package dev.orion.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orion.llm.CallContext;
import dev.orion.llm.ChatModel;
import dev.orion.llm.ChatRequest;
import dev.orion.llm.ChatResponse;
import dev.orion.llm.ChatStreamListener;
import dev.orion.store.AuditEvent;
import dev.orion.store.AuditFilter;
import dev.orion.store.BudgetStore;
import dev.orion.store.CampaignFilter;
import dev.orion.store.IssuedApiKey;
import dev.orion.store.JobStore;
import dev.orion.store.LlmCacheStore;
import dev.orion.store.LlmCallFilter;
import dev.orion.store.LlmCallStore;
import dev.orion.store.NewApiKey;
import dev.orion.store.NewStructure;
import dev.orion.store.PageRequest;
import dev.orion.store.RateLimiterStore;
import dev.orion.store.ResourceRef;
import dev.orion.store.StoreException;
import dev.orion.store.StructureFilter;
import dev.orion.store.TenantStores;
import dev.orion.store.contract.TestStructures;
import dev.orion.store.UsageFilter;
import dev.orion.store.UsageGranularity;
import dev.orion.store.UsageKind;
import dev.orion.store.UsageRecord;
import dev.orion.store.UsageStore;
import dev.orion.store.WorkQueue;
import dev.orion.tenant.ApiKey;
import dev.orion.tenant.Principal;
import dev.orion.tenant.TenantId;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrionTest {

    @TempDir
    Path dir;

    @Test
    void embeddedDatabaseIsCreatedMigratedAndSurvivesRestart() {
        String id;
        try (Orion orion = Orion.builder().store(Stores.embedded(dir.resolve("data"))).defaultActor(Principal.user("alice")).build()) {
            OrionTenant acme = orion.tenant(TenantId.of("acme"));
            id = acme.structures().save(NewStructure.of("NaCl", TestStructures.nacl())).id();
        }
        assertThat(Files.exists(dir.resolve("data").resolve("orion.mv.db"))).isTrue();
        try (Orion orion = Orion.builder().store(Stores.embedded(dir.resolve("data"))).build()) {
            OrionTenant acme = orion.tenant(TenantId.of("acme"));
            assertThat(acme.structures().find(id)).isPresent();
            assertThat(orion.tenant(TenantId.of("globex")).structures().count(StructureFilter.all())).isZero();
            AuditEvent created = acme.audit().query(AuditFilter.all(), PageRequest.first(5)).items().get(0);
            assertThat(created.actor()).isEqualTo(Principal.user("alice"));
            assertThat(created.resourceId()).isEqualTo(id);
            assertThat(acme.actor()).isEqualTo(Principal.system("orion"));
        }
    }

    @Test
    void postgresFactoriesRefuseOtherDatabases() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:not-pg;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        assertThatThrownBy(() -> Stores.postgres(h2)).isInstanceOf(StoreException.class).hasMessageContaining("not PostgreSQL");
        assertThatThrownBy(() -> Stores.postgres("jdbc:mysql://x/db", "u", "p")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jdbc:postgresql:");
    }

    @Test
    void inMemoryOrionHandsOutIsolatedViews() {
        try (Orion orion = Orion.builder().store(Stores.inMemory()).build()) {
            orion.tenant(TenantId.of("a")).structures().save(NewStructure.of("x", TestStructures.cu()));
            assertThat(orion.tenant(TenantId.of("b")).structures().count(StructureFilter.all())).isZero();
            assertThat(orion.tenant(TenantId.of("a"), Principal.user("u")).structures().count(StructureFilter.all())).isEqualTo(1);
            assertThatThrownBy(() -> orion.tenant(TenantId.ADMIN)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void theTenantViewHandsOutTheApplicationSideOnly() {
        Set<Class<?>> machinery = Set.of(TenantStores.class, JobStore.class, WorkQueue.class, LlmCacheStore.class,
                BudgetStore.class, RateLimiterStore.class, UsageStore.class, LlmCallStore.class);
        assertThat(Arrays.stream(OrionTenant.class.getMethods()).map(Method::getReturnType))
                .doesNotContainAnyElementsOf(machinery);
        assertThat(OrionTenant.class.getMethods()).extracting(Method::getName)
                .contains("structures", "jobs", "campaigns", "provenance", "audit", "apiKeys", "usage", "llmCalls")
                .doesNotContain("stores");
    }

    @Test
    void theTenantViewsStoresAreTheTenantsOwn() {
        try (Orion orion = Orion.builder().store(Stores.inMemory()).build()) {
            OrionTenant acme = orion.tenant(TenantId.of("acme"), Principal.user("alice"));
            OrionTenant globex = orion.tenant(TenantId.of("globex"), Principal.user("bob"));
            IssuedApiKey key = acme.apiKeys().issue(NewApiKey.of("notebook", "structures:read"));
            acme.provenance().link(ResourceRef.of("structure", "s1"), "derivedFrom", ResourceRef.of("structure", "s0"));
            acme.audit().record("review", "structure", "s1", Map.of("verdict", "ok"));
            orion.stores().tenant(TenantId.of("acme"), Principal.system("router")).usage().record(new UsageRecord(
                    UsageKind.COMPUTE, Optional.empty(), Optional.empty(), "relaxation", 0, 0, BigDecimal.ONE, 2.5, Instant.now()));

            assertThat(acme.apiKeys().list()).extracting(ApiKey::id).containsExactly(key.key().id());
            assertThat(globex.apiKeys().list()).isEmpty();
            assertThat(acme.provenance().linksFrom(ResourceRef.of("structure", "s1"))).hasSize(1);
            assertThat(globex.provenance().linksFrom(ResourceRef.of("structure", "s1"))).isEmpty();
            assertThat(acme.audit().count(AuditFilter.all().withAction("review"))).isEqualTo(1);
            assertThat(globex.audit().count(AuditFilter.all())).isZero();
            assertThat(acme.usage().aggregate(UsageFilter.all(), UsageGranularity.DAY)).hasSize(1);
            assertThat(globex.usage().aggregate(UsageFilter.all(), UsageGranularity.DAY)).isEmpty();
            assertThat(acme.llmCalls().count(LlmCallFilter.all())).isZero();
            assertThat(acme.campaigns().query(CampaignFilter.all(), PageRequest.first(5)).items()).isEmpty();
        }
    }

    @Test
    void jobsNeedAnEngineAndTheChatModelIsOptional() {
        ChatModel model = new ChatModel() {
            @Override
            public ChatResponse chat(ChatRequest request, CallContext context) {
                throw new UnsupportedOperationException("not called");
            }

            @Override
            public ChatResponse stream(ChatRequest request, CallContext context, ChatStreamListener listener) {
                throw new UnsupportedOperationException("not called");
            }
        };
        try (Orion orion = Orion.builder().store(Stores.inMemory()).build()) {
            assertThatThrownBy(() -> orion.tenant(TenantId.of("acme")).llm()).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("chatModel(");
            OrionTenant acme = orion.tenant(TenantId.of("acme"), Principal.user("alice"));
            assertThat(acme.tenant()).isEqualTo(TenantId.of("acme"));
            assertThat(acme.actor()).isEqualTo(Principal.user("alice"));
            assertThatThrownBy(acme::jobs).isInstanceOf(IllegalStateException.class).hasMessageContaining("engine(");
        }
        try (Orion orion = Orion.builder().store(Stores.inMemory()).chatModel(model).build()) {
            assertThat(orion.tenant(TenantId.of("acme")).llm().tenant()).isEqualTo(TenantId.of("acme"));
        }
    }
}
