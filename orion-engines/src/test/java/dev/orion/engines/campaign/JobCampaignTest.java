package dev.orion.engines.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orion.campaign.ContinuousParameter;
import dev.orion.campaign.Goal;
import dev.orion.campaign.Observation;
import dev.orion.campaign.ParameterSpace;
import dev.orion.core.Orion;
import dev.orion.core.OrionTenant;
import dev.orion.core.Stores;
import dev.orion.core.campaign.runner.CampaignListener;
import dev.orion.core.campaign.runner.CampaignOutcome;
import dev.orion.core.campaign.runner.CampaignRunner;
import dev.orion.core.campaign.runner.JobEvaluator;
import dev.orion.core.campaign.runner.StopCriteria;
import dev.orion.core.campaign.strategy.Strategies;
import dev.orion.engine.Calculation;
import dev.orion.engine.CalculationResult;
import dev.orion.engines.eam.AnalyticTestEngine;
import dev.orion.engines.local.LocalExecutor;
import dev.orion.engine.Potential;
import dev.orion.store.CampaignRecord;
import dev.orion.store.JobFilter;
import dev.orion.store.ObservationRecord;
import dev.orion.store.PageRequest;
import dev.orion.store.ResourceRef;
import dev.orion.structure.Element;
import dev.orion.structure.Lattice;
import dev.orion.structure.Structure;
import dev.orion.tenant.Principal;
import dev.orion.tenant.TenantId;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A campaign whose evaluations are engine calculations run as jobs: observations are linked by provenance
 * to their jobs, and a campaign stopped between submitting a batch and observing it re-attaches to the
 * same jobs on resume instead of computing again.
 */
class JobCampaignTest {

    static final Element AR = Element.of("Ar");
    static final Potential LJ = Potential.lennardJones(AR, 0.0104, 3.4, 8.5);
    static final ParameterSpace SPACE = ParameterSpace.builder().add(ContinuousParameter.of("a", 5.0, 6.0)).build();

    /** Stands for the JVM dying after an observation was stored. */
    static final class SimulatedCrash extends Error {
        SimulatedCrash() {
            super("simulated crash");
        }
    }

    @TempDir
    Path dir;

    static Calculation argon(double a) {
        Structure s = Structure.builder().lattice(Lattice.cubic(a)).addSite(AR, 0, 0, 0).addSite(AR, 0.5, 0.5, 0)
                .addSite(AR, 0.5, 0, 0.5).addSite(AR, 0, 0.5, 0.5).build();
        return Calculation.singlePoint(s).with(LJ);
    }

    CampaignRunner.Builder runner(OrionTenant tenant) {
        JobEvaluator lj = JobEvaluator.builder(tenant).name("lj-energy").engine("analytic-test")
                .calculation(c -> argon(c.number("a")))
                .outcome("energy_per_atom", "eV/atom", CalculationResult::energyPerAtom)
                .pollWait(Duration.ofSeconds(5)).build();
        return CampaignRunner.builder(tenant).name("argon lattice").space(SPACE).goal(Goal.minimize("energy_per_atom"))
                .strategy(Strategies.sobol()).evaluator(lj).stop(StopCriteria.afterEvaluations(8)).batchSize(3).seed(5);
    }

    @Test
    void observationsComeFromJobsAndAResumeReattachesToThem() {
        AnalyticTestEngine engine = AnalyticTestEngine.create();
        try (Orion orion = Orion.builder().store(Stores.embedded(dir.resolve("data"))).engine(engine)
                .executor(LocalExecutor.builder().build()).workRoot(dir.resolve("work")).build()) {
            OrionTenant acme = orion.tenant(TenantId.of("acme"), Principal.user("alice"));
            List<String> ids = new ArrayList<>();
            int[] observed = {0};
            CampaignListener crashAfterFour = new CampaignListener() {
                @Override
                public void started(CampaignRecord campaign, boolean resumed) {
                    ids.add(campaign.id());
                }

                @Override
                public void observed(int iteration, Observation o, Optional<String> jobId, Optional<Observation> best) {
                    if (++observed[0] == 4) {
                        throw new SimulatedCrash();
                    }
                }
            };
            assertThatThrownBy(() -> runner(acme).listener(crashAfterFour).build().run()).isInstanceOf(SimulatedCrash.class);
            String id = ids.get(0);
            // the second batch of three was submitted; one of its observations is stored
            assertThat(acme.jobs().list(JobFilter.all(), PageRequest.first(100))).hasSize(6);

            CampaignOutcome outcome = runner(acme).build().resume(id);

            assertThat(outcome.evaluations()).isEqualTo(8);
            assertThat(outcome.observations()).noneMatch(Observation::isFailure);
            assertThat(acme.jobs().list(JobFilter.all(), PageRequest.first(100))).hasSize(8);
            assertThat(engine.computations()).isEqualTo(8);
            List<ObservationRecord> records = acme.campaigns().observations(id, PageRequest.first(100)).items();
            assertThat(records).hasSize(8).allSatisfy(r -> {
                String job = r.jobId().orElseThrow();
                assertThat(acme.provenance().linksFrom(ResourceRef.of("observation", r.id())))
                        .extracting(l -> l.relation() + " " + l.object())
                        .contains("derived-from job:" + job, "observed-in campaign:" + id);
                assertThat(acme.jobs().result(job).orElseThrow().energyPerAtom())
                        .isEqualTo(r.values().get("energy_per_atom"));
            });
            assertThat(records).extracting(r -> r.jobId().orElseThrow()).doesNotHaveDuplicates();
            // LJ argon: the minimum is near a = 2^(2/3) sigma = 5.40 Å
            assertThat(outcome.best().orElseThrow().candidate().number("a")).isBetween(5.2, 5.6);
        }
    }
}
