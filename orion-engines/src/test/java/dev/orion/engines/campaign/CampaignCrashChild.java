package dev.orion.engines.campaign;

import dev.orion.campaign.Goal;
import dev.orion.campaign.Observation;
import dev.orion.core.Orion;
import dev.orion.core.OrionTenant;
import dev.orion.core.Stores;
import dev.orion.core.campaign.runner.CampaignListener;
import dev.orion.core.campaign.runner.CampaignOutcome;
import dev.orion.core.campaign.runner.CampaignRunner;
import dev.orion.core.campaign.runner.JobEvaluator;
import dev.orion.core.campaign.runner.StopCriteria;
import dev.orion.core.campaign.strategy.Strategies;
import dev.orion.core.jobs.JobRetryPolicy;
import dev.orion.core.jobs.JobService;
import dev.orion.core.jobs.RecoveryPolicy;
import dev.orion.engine.CalculationResult;
import dev.orion.engines.eam.AnalyticTestEngine;
import dev.orion.engines.local.LocalExecutor;
import dev.orion.store.CampaignFilter;
import dev.orion.store.CampaignRecord;
import dev.orion.store.OrionStores;
import dev.orion.store.PageRequest;
import dev.orion.tenant.Principal;
import dev.orion.tenant.TenantId;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The JVM that the campaign crash test kills: it opens the shared embedded store, starts a job service
 * (which requeues the in-JVM computations of the JVM killed before it), and runs the campaign, or resumes
 * it if an earlier JVM created it, printing a line per observation. Not a test (run by
 * {@link CampaignCrashTest}).
 */
public final class CampaignCrashChild {

    static final String NAME = "crash";
    static final int EVALUATIONS = 60;

    private CampaignCrashChild() {
    }

    static CampaignRunner.Builder runner(OrionTenant tenant, JobService jobs) {
        JobEvaluator lj = JobEvaluator.builder(jobs).name("lj").engine("analytic-test")
                .calculation(c -> JobCampaignTest.argon(c.number("a")))
                .outcome("energy_per_atom", "eV/atom", CalculationResult::energyPerAtom)
                .pollWait(Duration.ofMillis(200)).build();
        return CampaignRunner.builder(tenant).name(NAME).space(JobCampaignTest.SPACE)
                .goal(Goal.minimize("energy_per_atom")).strategy(Strategies.sobol()).evaluator(lj)
                .stop(StopCriteria.afterEvaluations(EVALUATIONS)).batchSize(3).seed(9).pollInterval(Duration.ofMillis(50));
    }

    /** Runs or resumes the campaign on the store to its end. */
    static CampaignOutcome runOrResume(OrionStores stores, Path work, String worker, CampaignListener listener) {
        TenantId crash = TenantId.of("crash");
        Principal actor = Principal.system("crash-test");
        Orion orion = Orion.builder().store(stores).build();
        OrionTenant tenant = orion.tenant(crash, actor);
        LocalExecutor local = LocalExecutor.builder().build();
        JobService jobs = JobService.builder(stores.tenant(crash, actor)).engine(AnalyticTestEngine.withDelay(Duration.ofMillis(60)))
                .executor(local).workRoot(work).lease(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(50))
                .recoveryPolicy(RecoveryPolicy.REQUEUE).retryPolicy(JobRetryPolicy.none()).concurrency(3)
                .workerId(worker).build();
        jobs.start();
        Optional<CampaignRecord> earlier = tenant.campaigns().query(CampaignFilter.all(), PageRequest.first(10)).items()
                .stream().filter(c -> c.name().equals(NAME)).findFirst();
        CampaignRunner runner = runner(tenant, jobs).listener(listener).build();
        CampaignOutcome outcome = earlier.isPresent() ? runner.resume(earlier.get().id()) : runner.run();
        jobs.close();
        local.close();
        return outcome;
    }

    /**
     * @param args database folder, work root, trial number
     */
    public static void main(String[] args) {
        runOrResume(Stores.embedded(Path.of(args[0])), Path.of(args[1]), "child-" + args[2], new CampaignListener() {
            @Override
            public void observed(int iteration, Observation o, Optional<String> jobId, Optional<Observation> best) {
                System.out.println("OBSERVED " + o.candidate().id());
                System.out.flush();
            }
        });
        System.out.println("DONE");
        System.out.flush();
        System.exit(0);
    }
}
