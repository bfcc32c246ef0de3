package dev.orion.core.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class WorkflowTemplatesTest {

    @Test
    void everyShippedTemplateValidatesWithoutWarnings() {
        List<WorkflowTemplates.Template> all = WorkflowTemplates.all();
        assertThat(all).extracting(WorkflowTemplates.Template::name).containsExactly("equation-of-state", "elastic-constants",
                "vacancy-formation-energy", "surface-energy", "qe-convergence", "md-heating");
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
}
