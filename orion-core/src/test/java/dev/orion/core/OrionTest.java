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
import dev.orion.store.NewStructure;
import dev.orion.store.PageRequest;
import dev.orion.store.StoreException;
import dev.orion.store.StructureFilter;
import dev.orion.store.TenantStores;
import dev.orion.store.contract.TestStructures;
import dev.orion.tenant.Principal;
import dev.orion.tenant.TenantId;
import java.nio.file.Files;
import java.nio.file.Path;
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
            TenantStores acme = orion.tenant(TenantId.of("acme")).stores();
            id = acme.structures().save(NewStructure.of("NaCl", TestStructures.nacl())).id();
        }
        assertThat(Files.exists(dir.resolve("data").resolve("orion.mv.db"))).isTrue();
        try (Orion orion = Orion.builder().store(Stores.embedded(dir.resolve("data"))).build()) {
            TenantStores acme = orion.tenant(TenantId.of("acme")).stores();
            assertThat(acme.structures().find(id)).isPresent();
            assertThat(orion.tenant(TenantId.of("globex")).stores().structures().count(StructureFilter.all())).isZero();
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
            orion.tenant(TenantId.of("a")).stores().structures().save(NewStructure.of("x", TestStructures.cu()));
            assertThat(orion.tenant(TenantId.of("b")).stores().structures().count(StructureFilter.all())).isZero();
            assertThat(orion.tenant(TenantId.of("a"), Principal.user("u")).stores().structures().count(StructureFilter.all())).isEqualTo(1);
            assertThatThrownBy(() -> orion.tenant(TenantId.ADMIN)).isInstanceOf(IllegalArgumentException.class);
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
