package dev.orion.engines.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.orion.core.Orion;
import dev.orion.core.OrionTenant;
import dev.orion.core.Stores;
import dev.orion.core.multiscale.CubicElasticConstants;
import dev.orion.core.workflow.StepResult;
import dev.orion.core.workflow.Workflow;
import dev.orion.core.workflow.WorkflowLoader;
import dev.orion.core.workflow.WorkflowPlan;
import dev.orion.core.workflow.WorkflowRun;
import dev.orion.core.workflow.WorkflowRunner;
import dev.orion.core.workflow.WorkflowTemplates;
import dev.orion.engines.TestPrograms;
import dev.orion.engines.calculix.CalculixEngine;
import dev.orion.engines.eam.EamEngine;
import dev.orion.engines.lammps.LammpsEngine;
import dev.orion.engines.local.LocalExecutor;
import dev.orion.store.JobFilter;
import dev.orion.store.PageRequest;
import dev.orion.store.ProvenanceLink;
import dev.orion.store.ResourceRef;
import dev.orion.tenant.TenantId;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The multiscale and MD templates on the built-in EAM engine (and CalculiX): the copper plate with a hole gives the
 * figures of the CopperPlateWithHole sample (same potential, mesh and load), and the MD heating run holds its
 * temperatures.
 */
class MultiscaleTemplatesTest {

    /** The sample's potential: Cu in the Cu-Ni EAM/alloy file of the test data. */
    static final Map<String, Object> CUNI = Map.of("potential", "CuNi.eam.alloy", "potential_type", "eam_alloy",
            "potential_elements", List.of("Cu", "Ni"));

    @TempDir
    Path dir;

    private Orion orion(LocalExecutor local) {
        return Orion.builder().store(Stores.inMemory()).engine(EamEngine.builder().potentialDir(TestPrograms.potentials()).build())
                .engine(CalculixEngine.builder().build()).engine(LammpsEngine.builder().potentialDir(TestPrograms.potentials()).build()).executor(local).workRoot(dir.resolve("work")).build();
    }

    private static Workflow template(String name) {
        return WorkflowLoader.standard().parse(WorkflowTemplates.text(name), name + ".yaml").orThrow();
    }

    @Test
    void copperPlateWithHoleConcentratesStressAsLekhnitskiiSaysAndCitesTheStrainedCells() throws Exception {
        TestPrograms.require("ccx");
        Workflow plate = template("copper-plate-with-hole");
        WorkflowPlan plan = WorkflowPlan.of(plate);
        assertThat(plan.jobs()).containsEntry("relaxed", 1).containsEntry("elastic", 4).containsEntry("plate", 1);
        assertThat(plan.totalJobs()).isEqualTo(6);
        try (LocalExecutor local = LocalExecutor.builder().maxConcurrent(2).build(); Orion orion = orion(local)) {
            OrionTenant lab = orion.tenant(TenantId.of("lab"));
            WorkflowRunner runner = WorkflowRunner.builder(lab).parallelism(2).build();
            WorkflowRun run = runner.run(plate, CUNI, "copper-plate");
            assertThat(run.status()).as("%s", run.steps()).isEqualTo(WorkflowRun.Status.SUCCEEDED);
            Map<String, Object> out = run.outputs();
            double c11 = (Double) out.get("c11_gpa");
            double c12 = (Double) out.get("c12_gpa");
            double c44 = (Double) out.get("c44_gpa");
            // the figures of CopperPlateWithHoleTest
            assertThat((Double) out.get("anisotropy")).isGreaterThan(2).isCloseTo(2 * c44 / (c11 - c12), within(1e-9));
            double lekhnitskii = (Double) out.get("lekhnitskii");
            assertThat(lekhnitskii).isBetween(2.0, 2.9);
            assertThat((Double) out.get("concentration")).isCloseTo(lekhnitskii, within(0.08 * lekhnitskii));
            assertThat((Double) out.get("peak_stress_pa")).isCloseTo((Double) out.get("concentration") * 1e8, within(1.0));
            assertThat((Double) out.get("max_displacement_m")).isPositive();

            StepResult elastic = run.steps().get("elastic");
            assertThat(elastic.jobs()).hasSize(4).doesNotHaveDuplicates();
            String plateJob = run.steps().get("plate").jobs().get(0);
            List<ProvenanceLink> cited = lab.provenance().linksFrom(ResourceRef.of("job", plateJob)).stream()
                    .filter(l -> l.relation().equals(CubicElasticConstants.RELATION)).toList();
            assertThat(cited).extracting(l -> l.object().id()).containsExactlyInAnyOrderElementsOf(elastic.jobs());

            // the same run again finds every job: nothing is computed twice, no link is recorded twice
            int jobs = lab.jobs().list(JobFilter.all(), PageRequest.first(500)).size();
            WorkflowRun again = runner.run(plate, CUNI, "copper-plate");
            assertThat(lab.jobs().list(JobFilter.all(), PageRequest.first(500))).hasSize(jobs);
            assertThat(again.outputs()).isEqualTo(out);
            assertThat(lab.provenance().linksFrom(ResourceRef.of("job", plateJob)).stream()
                    .filter(l -> l.relation().equals(CubicElasticConstants.RELATION))).hasSize(4);
        }
    }

    @Test
    void mdHeatingRunsOnTheBuiltInEngineAndHoldsEachTemperature() throws Exception {
        Workflow heating = template("md-heating");
        assertThat(heating.inputs().stream().filter(i -> i.name().equals("engine")).findFirst().orElseThrow().defaultValue())
                .contains("orion-eam");
        WorkflowRun run = heat(Map.of());
        @SuppressWarnings("unchecked")
        List<Map<String, Double>> averages = (List<Map<String, Double>>) run.outputs().get("md_averages");
        assertThat(averages).hasSize(2);
        // NVT (Nose-Hoover) on 32 atoms: the mean temperature near the target, the hotter crystal higher in energy
        assertThat(averages.get(0).get("temperature_mean_k")).isCloseTo(300, within(60.0));
        assertThat(averages.get(1).get("temperature_mean_k")).isCloseTo(900, within(180.0));
        assertThat(averages.get(1).get("potential_energy_mean_ev") - averages.get(0).get("potential_energy_mean_ev"))
                .as("potential energy of 32 atoms rises by about 3/2 kB dT per atom").isCloseTo(32 * 1.5 * 8.617e-5 * 600, within(0.6));
    }

    @Test
    void mdHeatingRunsOnLammpsAsAnOption() throws Exception {
        TestPrograms.require("lmp");
        heat(Map.of("engine", "lammps"));
    }

    /** Runs the template at 300 and 900 K; the last frame of the hotter run is higher in energy, as 3/2 kB dT per atom says. */
    private WorkflowRun heat(Map<String, Object> engine) throws Exception {
        Workflow heating = template("md-heating");
        Map<String, Object> inputs = new java.util.HashMap<>(CUNI);
        inputs.putAll(Map.of("size", 2, "temperatures", List.of(300.0, 900.0), "steps", 2000, "a", 3.615));
        inputs.putAll(engine);
        try (LocalExecutor local = LocalExecutor.builder().maxConcurrent(2).build(); Orion orion = orion(local)) {
            WorkflowRun run = WorkflowRunner.builder(orion.tenant(TenantId.of("lab"))).parallelism(2).build().run(heating, inputs);
            assertThat(run.status()).as("%s", run.steps()).isEqualTo(WorkflowRun.Status.SUCCEEDED);
            assertThat(run.jobCount()).isEqualTo(2);
            @SuppressWarnings("unchecked")
            List<Double> e = (List<Double>) run.outputs().get("energies_per_atom");
            // 0.078 eV per atom on average; one frame of 32 atoms scatters by about 0.02
            assertThat(e.get(1) - e.get(0)).isBetween(0.02, 0.14);
            return run;
        }
    }
}
