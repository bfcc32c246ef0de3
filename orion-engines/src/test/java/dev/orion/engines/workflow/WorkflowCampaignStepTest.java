package dev.orion.engines.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orion.core.Orion;
import dev.orion.core.OrionTenant;
import dev.orion.core.Stores;
import dev.orion.core.workflow.ImportResult;
import dev.orion.core.workflow.Workflow;
import dev.orion.core.workflow.WorkflowLoader;
import dev.orion.core.workflow.WorkflowRun;
import dev.orion.core.workflow.WorkflowRunner;
import dev.orion.engine.Calculation;
import dev.orion.engine.Potential;
import dev.orion.engines.eam.AnalyticTestEngine;
import dev.orion.structure.Element;
import dev.orion.structure.Structure;
import dev.orion.tenant.TenantId;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The campaign step: a Bayesian search of argon's lattice parameter on a Lennard-Jones potential, and its validation. */
class WorkflowCampaignStepTest {

    private static final String WORKFLOW = """
            version: 2
            name: argon-lattice-search
            steps:
              - id: cell
                type: structure.prototype
                with: {prototype: fcc, element: Ar, a: 5.3}
              - id: search
                type: campaign
                with:
                  structure: ${steps.cell.outputs.structure}
                  engine: analytic-test
                  potential: {type: lj, element: Ar, epsilon: 0.0104, sigma: 3.4, cutoff: 8.5}
                  space: {a: [5.0, 5.6]}
                  goal: {minimize: energy_per_atom}
                  strategy: bayesian
                  evaluations: 12
                  seed: 3
              - id: check
                type: calculation
                with:
                  engine: analytic-test
                  structure: ${steps.search.outputs.best_structure}
                  potential: {type: lj, element: Ar, epsilon: 0.0104, sigma: 3.4, cutoff: 8.5}
            outputs:
              best: ${steps.search.outputs.best}
              energy: ${steps.search.outputs.best_value}
              recomputed: ${steps.check.outputs.energy_per_atom}
              campaign: ${steps.search.outputs.campaign_id}
            """;

    @TempDir
    Path dir;

    @Test
    void findsTheLatticeParameterOfTheLowestEnergyAsAStoredCampaign() throws Exception {
        AnalyticTestEngine engine = AnalyticTestEngine.create();
        try (Orion orion = Orion.builder().store(Stores.inMemory()).engine(engine).workRoot(dir.resolve("work")).build()) {
            OrionTenant acme = orion.tenant(TenantId.of("acme"));
            Workflow w = WorkflowLoader.standard().parse(WORKFLOW, "search.yaml").orThrow();
            WorkflowRun run = WorkflowRunner.builder(acme).build().run(w, Map.of(), "search-1");
            assertThat(run.status()).as(run.steps().toString()).isEqualTo(WorkflowRun.Status.SUCCEEDED);
            double a = ((Number) ((Map<?, ?>) run.outputs().get("best")).get("a")).doubleValue();
            double best = ((Number) run.outputs().get("energy")).doubleValue();

            // the reference: a dense scan of the same potential on the same engine
            Structure cell = ((Structure) run.steps().get("cell").outputs().get("structure"));
            double scanA = 0;
            double scanMin = Double.POSITIVE_INFINITY;
            for (int i = 0; i <= 120; i++) {
                double x = 5.0 + 0.6 * i / 120;
                double e = energyPerAtom(engine, cell, x);
                if (e < scanMin) {
                    scanMin = e;
                    scanA = x;
                }
            }
            assertThat(a).isBetween(scanA - 0.03, scanA + 0.03);
            assertThat(best).isLessThan(scanMin + 2e-4).isEqualTo(energyPerAtom(engine, cell, a), org.assertj.core.api.Assertions.within(1e-9));
            assertThat(((Number) run.outputs().get("recomputed")).doubleValue()).isEqualTo(best, org.assertj.core.api.Assertions.within(1e-9));
            String campaign = (String) run.outputs().get("campaign");
            assertThat(acme.campaigns().find(campaign)).isPresent();
            assertThat(run.steps().get("search").outputs().get("evaluations")).isEqualTo(12L);
            // every candidate was a job of the step (one job for a candidate proposed twice), listed with the step's jobs
            assertThat(run.steps().get("search").jobs()).hasSizeBetween(10, 12).doesNotHaveDuplicates();
            assertThat(run.jobCount()).isEqualTo(run.steps().get("search").jobs().size() + 1);
        }
    }

    private static double energyPerAtom(AnalyticTestEngine engine, Structure cell, double a) {
        Structure scaled = cell.withLattice(cell.lattice().scaled(cell.volume() * Math.pow(a / cell.lattice().a(), 3)));
        return engine.compute(Calculation.singlePoint(scaled).with(Potential.lennardJones(Element.of("Ar"), 0.0104, 3.4, 8.5)),
                Path.of(".")).energyPerAtom();
    }

    @Test
    void aBadSpaceGoalOrBudgetIsReportedBeforeAnythingRuns() {
        String bad = WORKFLOW.replace("space: {a: [5.0, 5.6]}", "space: {c: [5.0, 5.6]}")
                .replace("goal: {minimize: energy_per_atom}", "goal: {minimize: band_gap}").replace("evaluations: 12", "evaluations: 0");
        ImportResult r = WorkflowLoader.standard().parse(bad, "bad.yaml");
        assertThat(r.status()).isEqualTo(ImportResult.Status.FAILED);
        assertThat(r.problems()).extracting(Object::toString).anySatisfy(p -> assertThat(p).startsWith("bad.yaml:").contains("space: give one of [a, strain]"))
                .anySatisfy(p -> assertThat(p).contains("goal: unknown outcome 'band_gap'"))
                .anySatisfy(p -> assertThat(p).contains("evaluations: must be 1-200, got 0"));
        String inverted = WORKFLOW.replace("space: {a: [5.0, 5.6]}", "space: {a: [5.6, 5.0]}");
        assertThat(WorkflowLoader.standard().parse(inverted, "inv.yaml").problems()).extracting(Object::toString)
                .anySatisfy(p -> assertThat(p).contains("a needs [min, max] with min < max"));
    }
}
