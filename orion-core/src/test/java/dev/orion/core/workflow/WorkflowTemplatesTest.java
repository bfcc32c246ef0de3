package dev.orion.core.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class WorkflowTemplatesTest {

    @Test
    void everyShippedTemplateValidatesWithoutWarnings() {
        List<WorkflowTemplates.Template> all = WorkflowTemplates.all();
        assertThat(all).extracting(WorkflowTemplates.Template::name).containsExactly("equation-of-state", "elastic-constants",
                "vacancy-formation-energy", "surface-energy", "qe-convergence", "md-heating", "copper-plate-with-hole");
        for (WorkflowTemplates.Template t : all) {
            ImportResult r = WorkflowLoader.standard().parse(t.text(), t.fileName());
            assertThat(r.problems()).as(t.name()).isEmpty();
            assertThat(r.status()).isEqualTo(ImportResult.Status.COMPLETED);
            assertThat(t.tags()).isNotEmpty();
            assertThat(t.contentHash()).hasSize(64).isEqualTo(r.orThrow().contentHash());
        }
    }

    @Test
    void planOfTheElasticTemplateRunsIndependentBranchesInParallel() {
        Workflow w = WorkflowLoader.standard().parse(WorkflowTemplates.text("elastic-constants"), "elastic.yaml").orThrow();
        WorkflowPlan plan = WorkflowPlan.of(w);
        assertThat(plan.stages().get(0)).containsExactly("crystal");
        assertThat(plan.stages().get(1)).containsExactly("relaxed");
        assertThat(plan.stages().get(2)).containsExactly("stretched", "sheared");
        assertThat(plan.stages().get(3)).containsExactly("stretched_stress", "sheared_stress");
        assertThat(plan.fanOut()).containsEntry("stretched", 4).containsEntry("stretched_stress", 4).containsEntry("sheared_stress", 4);
        assertThat(plan.jobs()).containsEntry("relaxed", 1).containsEntry("stretched_stress", 4).containsEntry("fit_c11", 0);
        assertThat(plan.totalJobs()).isEqualTo(9);
    }

    @Test
    void thePublishedJsonSchemaNamesEveryBuiltInStepType() throws Exception {
        com.fasterxml.jackson.databind.JsonNode schema;
        try (var in = WorkflowTemplates.class.getResourceAsStream("/dev/orion/core/workflow/workflow.schema.json")) {
            schema = new com.fasterxml.jackson.databind.ObjectMapper().readTree(in);
        }
        List<String> named = new java.util.ArrayList<>();
        schema.at("/$defs/step/properties/type/anyOf/0/enum").forEach(n -> named.add(n.asText()));
        assertThat(named).containsExactlyInAnyOrderElementsOf(WorkflowLoader.standard().stepTypes().keySet().stream()
                .filter(n -> !n.startsWith("test.")).toList());
    }

    @Test
    void userStepTypesAreFoundThroughTheServiceLoaderAndValidatedLikeBuiltIns() {
        assertThat(WorkflowLoader.standard().stepTypes()).containsKey("test.density");
        ImportResult r = WorkflowLoader.standard().parse("""
                version: 2
                name: custom
                steps:
                  - id: crystal
                    type: structure.prototype
                    with: {prototype: bcc, element: Fe, a: 2.87}
                  - id: density
                    type: test.density
                    with: {structure: "${steps.crystal.outputs.structure}", colour: red}
                  - id: twice
                    type: compute
                    with: {expression: "2 * d", vars: {d: "${steps.density.outputs.densty}"}}
                """, "custom.yaml");
        assertThat(r.problems()).extracting(Problem::toString).containsExactly(
                "custom.yaml:9:61: step 'density': unknown input 'colour' of test.density (inputs: structure)",
                "custom.yaml:12:43: step 'twice': step 'density' (test.density) has no output 'densty' (outputs: density)");
        StepType replaced = new DensityStep() {
            @Override
            public String description() {
                return "replaced";
            }
        };
        assertThat(WorkflowLoader.builder().stepType(replaced).build().stepTypes().get("test.density").description()).isEqualTo("replaced");
    }
}
