package dev.orion.core.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orion.core.Orion;
import dev.orion.core.OrionTenant;
import dev.orion.core.Stores;
import dev.orion.store.AuditFilter;
import dev.orion.store.NewWorkflowTemplate;
import dev.orion.store.WorkflowTemplateRecord;
import dev.orion.tenant.TenantId;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Loading the shipped library into a tenant's template store, and counting the runs of stored templates. */
class WorkflowTemplateLibraryTest {

    private static final String DENSITY = """
            version: 2
            name: density
            inputs:
              a: {type: number, default: 3.61}
            steps:
              - id: cell
                type: structure.prototype
                with: {prototype: fcc, element: Cu, a: "${inputs.a}"}
              - id: rho
                type: test.density
                with: {structure: "${steps.cell.outputs.structure}"}
            outputs:
              density: ${steps.rho.outputs.density}
            """;

    private static Orion orion() {
        return Orion.builder().store(Stores.h2InMemory("templates-" + System.nanoTime(), Clock.systemUTC())).build();
    }

    @Test
    void installingTheLibraryAgainWritesNothingAndAChangedTemplateBecomesANewVersion() {
        try (Orion orion = orion()) {
            OrionTenant acme = orion.tenant(TenantId.of("acme"));
            List<WorkflowTemplateRecord> first = WorkflowTemplates.install(acme.workflowTemplates());
            long audits = acme.audit().count(AuditFilter.all());
            assertThat(first).extracting(WorkflowTemplateRecord::name)
                    .containsExactlyElementsOf(WorkflowTemplates.all().stream().map(WorkflowTemplates.Template::name).toList());
            assertThat(first).allSatisfy(r -> assertThat(r.version()).isEqualTo(1));
            assertThat(first.get(0).contentHash()).isEqualTo(WorkflowTemplates.all().get(0).contentHash());

            assertThat(WorkflowTemplates.install(acme.workflowTemplates())).isEqualTo(first);
            assertThat(acme.audit().count(AuditFilter.all())).isEqualTo(audits);

            // a tenant edits one template; the next start puts the shipped text back as a newer version, history intact
            String edited = WorkflowTemplates.text("equation-of-state") + "# tightened by acme\n";
            acme.workflowTemplates().save(NewWorkflowTemplate.of("equation-of-state", edited));
            List<WorkflowTemplateRecord> third = WorkflowTemplates.install(acme.workflowTemplates());
            assertThat(third.get(0).version()).isEqualTo(3);
            assertThat(acme.workflowTemplates().diff("equation-of-state", 2, 3).removed()).containsExactly("# tightened by acme");
            assertThat(third.subList(1, third.size())).isEqualTo(first.subList(1, first.size()));
            assertThat(orion.tenant(TenantId.of("other")).workflowTemplates().list()).isEmpty();
        }
    }

    @Test
    void theRunnerCountsRunsOfAStoredTemplateWithTheirOutcome() throws Exception {
        try (Orion orion = orion()) {
            OrionTenant acme = orion.tenant(TenantId.of("acme"));
            acme.workflowTemplates().save(new NewWorkflowTemplate("density", DENSITY, "density of fcc copper", Set.of("test")));
            Workflow w = WorkflowLoader.standard().parse(DENSITY, "density.yaml").orThrow();
            WorkflowRunner runner = WorkflowRunner.builder(acme).build();

            assertThat(runner.run(w, Map.of(), "r1").status()).isEqualTo(WorkflowRun.Status.SUCCEEDED);
            assertThat(runner.run(w, Map.of("a", -1.0), "r2").status()).isEqualTo(WorkflowRun.Status.FAILED);
            assertThat(runner.run(w, Map.of(), "r3").status()).isEqualTo(WorkflowRun.Status.SUCCEEDED);
            // the same text not stored as a template is not counted
            Workflow other = WorkflowLoader.standard().parse(DENSITY.replace("name: density", "name: scratch"), "s.yaml").orThrow();
            runner.run(other, Map.of(), "r4");

            assertThat(acme.workflowTemplates().usage("density").runs()).isEqualTo(3);
            assertThat(acme.workflowTemplates().usage("density").succeeded()).isEqualTo(2);
            assertThat(acme.workflowTemplates().usage("scratch").runs()).isZero();
        }
    }
}
