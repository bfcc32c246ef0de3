package dev.orion.core.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orion.core.Orion;
import dev.orion.core.Stores;
import dev.orion.store.AuditFilter;
import dev.orion.store.NewWorkflowTemplate;
import dev.orion.store.OrionStores;
import dev.orion.store.TenantStores;
import dev.orion.store.WorkflowTemplateRecord;
import dev.orion.tenant.Principal;
import dev.orion.tenant.TenantId;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped library loaded at start through {@code Orion.Builder.tenantSetup(WorkflowTemplates.installer())}, across restarts. */
class WorkflowLibraryAtStartTest {

    private static final TenantId ACME = TenantId.of("acme");

    @TempDir
    Path dir;

    private Orion start() {
        return Orion.builder().store(Stores.embedded(dir.resolve("db"))).tenantSetup(WorkflowTemplates.installer()).build();
    }

    private static long saves(TenantStores t) {
        return t.audit().count(AuditFilter.all().withResourceType("workflow-template").withAction("save"));
    }

    private TenantStores raw(OrionStores stores) {
        return stores.tenant(ACME, Principal.system("check"));
    }

    @Test
    void anUnchangedLibraryIsNotLoadedAgainOnRestartAndAChangedTemplateBecomesANewVersion() {
        int shipped = WorkflowTemplates.all().size();
        String first = WorkflowTemplates.all().get(0).name();
        try (Orion orion = start()) {
            // the first view of a tenant loads the library, as the Orion's default actor
            assertThat(orion.tenant(ACME, Principal.user("alice")).workflowTemplates().list()).hasSize(shipped)
                    .allSatisfy(r -> assertThat(r.version()).isEqualTo(1))
                    .allSatisfy(r -> assertThat(r.createdBy()).isEqualTo(Principal.system("orion")));
            assertThat(saves(raw(orion.stores()))).isEqualTo(shipped);
            orion.tenant(ACME);
            assertThat(saves(raw(orion.stores()))).isEqualTo(shipped);
            // as if the ORION that ran before had shipped another text of the first template
            raw(orion.stores()).workflowTemplates().save(NewWorkflowTemplate.of(first, WorkflowTemplates.text(first) + "# older\n"));
        }
        try (Orion orion = start()) {
            orion.tenant(ACME);
            TenantStores acme = raw(orion.stores());
            // restarted: the unchanged templates were not written again, the changed one is a new version
            assertThat(saves(acme)).isEqualTo(shipped + 2);
            List<WorkflowTemplateRecord> history = acme.workflowTemplates().history(first);
            assertThat(history).extracting(WorkflowTemplateRecord::version).containsExactly(1, 2, 3);
            assertThat(history.get(2).content()).isEqualTo(WorkflowTemplates.text(first));
            assertThat(acme.workflowTemplates().list()).hasSize(shipped).filteredOn(r -> !r.name().equals(first))
                    .allSatisfy(r -> assertThat(r.version()).isEqualTo(1));
        }
        try (Orion orion = start()) {
            orion.tenant(ACME);
            assertThat(saves(raw(orion.stores()))).isEqualTo(shipped + 2);
        }
    }

    @Test
    void aSetupRunsOncePerTenantAndAgainAfterItFailed() {
        AtomicInteger calls = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger(1);
        try (Orion orion = Orion.builder().store(Stores.inMemory()).tenantSetup(t -> {
            calls.incrementAndGet();
            if (failures.getAndDecrement() > 0) {
                throw new IllegalStateException("store not reachable for " + t.tenant().value());
            }
        }).build()) {
            assertThatThrownBy(() -> orion.tenant(ACME)).isInstanceOf(IllegalStateException.class).hasMessageContaining("acme");
            orion.tenant(ACME);
            orion.tenant(ACME, Principal.user("bob"));
            orion.tenant(TenantId.of("other"));
            assertThat(calls.get()).isEqualTo(3);
        }
    }
}
