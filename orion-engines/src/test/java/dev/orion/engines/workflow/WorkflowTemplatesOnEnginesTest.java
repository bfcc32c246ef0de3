package dev.orion.engines.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.orion.core.Orion;
import dev.orion.core.OrionTenant;
import dev.orion.core.Stores;
import dev.orion.core.workflow.Workflow;
import dev.orion.core.workflow.WorkflowLoader;
import dev.orion.core.workflow.WorkflowRun;
import dev.orion.core.workflow.WorkflowRunner;
import dev.orion.core.workflow.WorkflowTemplates;
import dev.orion.engines.TestPrograms;
import dev.orion.engines.eam.EamEngine;
import dev.orion.engines.lammps.LammpsEngine;
import dev.orion.engines.local.LocalExecutor;
import dev.orion.store.JobFilter;
import dev.orion.tenant.TenantId;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped templates on real engines: the built-in EAM engine and LAMMPS, on the same potential (Cu_u3.eam),
 * give the same equation of state (a and B within 0.5%) and elastic constants (within 1%); a second run of
 * the same run id computes nothing again.
 */
class WorkflowTemplatesOnEnginesTest {

    @TempDir
    Path dir;

    private Orion orion(LocalExecutor local) {
        return Orion.builder().store(Stores.inMemory()).engine(EamEngine.builder().build()).engine(LammpsEngine.builder().build())
                .executor(local).workRoot(dir.resolve("work")).build();
    }

    private static Workflow template(String name) {
        return WorkflowLoader.standard().parse(WorkflowTemplates.text(name), name + ".yaml").orThrow();
    }

    @Test
    void equationOfStateOnTheBuiltInEamEngineMatchesLammps() throws Exception {
        TestPrograms.require("lmp");
        TestPrograms.requireFile(Path.of("/usr/share/lammps/potentials/Cu_u3.eam"));
        try (LocalExecutor local = LocalExecutor.builder().maxConcurrent(2).build(); Orion orion = orion(local)) {
            OrionTenant acme = orion.tenant(TenantId.of("acme"));
            WorkflowRunner runner = WorkflowRunner.builder(acme).parallelism(2).build();
            Workflow eos = template("equation-of-state");
            WorkflowRun eam = runner.run(eos, Map.of("engine", "orion-eam"), "eos-eam");
            WorkflowRun lammps = runner.run(eos, Map.of("engine", "lammps"), "eos-lammps");
            assertThat(eam.status()).as("%s", eam.steps()).isEqualTo(WorkflowRun.Status.SUCCEEDED);
            assertThat(lammps.status()).as("%s", lammps.steps()).isEqualTo(WorkflowRun.Status.SUCCEEDED);
            double a = (Double) eam.outputs().get("a0");
            double b = (Double) eam.outputs().get("b0_gpa");
            // Foiles' Cu_u3: a = 3.615 Å, B = 138 GPa (Foiles, Baskes, Daw, PRB 33, 7983 (1986))
            assertThat(a).isCloseTo(3.615, within(0.01));
            assertThat(b).isCloseTo(138, within(6.0));
            assertThat(a).isCloseTo((Double) lammps.outputs().get("a0"), within(0.005 * a));
            assertThat(b).isCloseTo((Double) lammps.outputs().get("b0_gpa"), within(0.005 * b));
            assertThat(eam.jobCount()).isEqualTo(11);
            assertThat(eam.steps().get("energies").reusedJobs()).isZero();

            long jobs = acme.jobs().list(JobFilter.all(), dev.orion.store.PageRequest.first(500)).size();
            WorkflowRun again = runner.run(eos, Map.of("engine", "orion-eam"), "eos-eam");
            assertThat(acme.jobs().list(JobFilter.all(), dev.orion.store.PageRequest.first(500))).hasSize((int) jobs);
            assertThat(again.outputs()).isEqualTo(eam.outputs());
            assertThat(again.steps().get("energies").jobs()).isEqualTo(eam.steps().get("energies").jobs());
        }
    }

    @Test
    void elasticConstantsOnTheBuiltInEamEngineMatchLammps() throws Exception {
        TestPrograms.require("lmp");
        TestPrograms.requireFile(Path.of("/usr/share/lammps/potentials/Cu_u3.eam"));
        try (LocalExecutor local = LocalExecutor.builder().maxConcurrent(2).build(); Orion orion = orion(local)) {
            WorkflowRunner runner = WorkflowRunner.builder(orion.tenant(TenantId.of("acme"))).parallelism(2).build();
            Workflow elastic = template("elastic-constants");
            WorkflowRun eam = runner.run(elastic, Map.of("engine", "orion-eam"));
            WorkflowRun lammps = runner.run(elastic, Map.of("engine", "lammps"));
            assertThat(eam.status()).as("%s", eam.steps()).isEqualTo(WorkflowRun.Status.SUCCEEDED);
            assertThat(lammps.status()).as("%s", lammps.steps()).isEqualTo(WorkflowRun.Status.SUCCEEDED);
            for (String c : new String[] {"c11_gpa", "c12_gpa", "c44_gpa"}) {
                double ours = (Double) eam.outputs().get(c);
                assertThat(ours).as(c).isCloseTo((Double) lammps.outputs().get(c), within(0.01 * Math.abs(ours)));
            }
            // Cu_u3: C11 = 167, C12 = 124, C44 = 76 GPa (Foiles, Baskes, Daw 1986)
            assertThat((Double) eam.outputs().get("c11_gpa")).isCloseTo(167, within(8.0));
            assertThat((Double) eam.outputs().get("c12_gpa")).isCloseTo(124, within(8.0));
            assertThat((Double) eam.outputs().get("c44_gpa")).isCloseTo(76, within(8.0));
        }
    }
}
