package dev.orion.bench.campaign;

import dev.orion.campaign.ContinuousParameter;
import dev.orion.campaign.Evaluator;
import dev.orion.campaign.Goal;
import dev.orion.campaign.ParameterSpace;
import dev.orion.core.Orion;
import dev.orion.core.Stores;
import dev.orion.core.campaign.runner.CampaignOutcome;
import dev.orion.core.campaign.runner.CampaignRunner;
import dev.orion.core.campaign.runner.StopCriteria;
import dev.orion.core.campaign.strategy.Strategies;
import dev.orion.tenant.TenantId;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Throughput of the campaign loop with persistence: a random-search campaign over three continuous
 * parameters with a cheap Java-function evaluator, every proposal and observation stored in the embedded
 * (H2 file) store, as evaluations per minute. A first, shorter campaign warms the JVM up.
 *
 * <pre>
 * scripts/bench dev.orion.bench.campaign.CampaignLoopBench [EVALUATIONS] [BATCH]
 * </pre>
 */
public final class CampaignLoopBench {

    private CampaignLoopBench() {
    }

    /**
     * @param args evaluations (default 3000), batch size (default 10)
     * @throws Exception if the temporary folder cannot be made
     */
    public static void main(String[] args) throws Exception {
        int evaluations = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        ParameterSpace space = ParameterSpace.builder().add(ContinuousParameter.of("x", -5, 5))
                .add(ContinuousParameter.of("y", -5, 5)).add(ContinuousParameter.of("z", -5, 5)).build();
        Evaluator sphere = Evaluator.of("sphere", "f", "", c -> {
            double x = c.number("x");
            double y = c.number("y");
            double z = c.number("z");
            return x * x + y * y + z * z;
        });
        Path dir = Files.createTempDirectory("orion-campaign-bench");
        try (Orion orion = Orion.builder().store(Stores.embedded(dir)).build()) {
            for (int n : new int[] {Math.max(1, evaluations / 10), evaluations}) {
                long start = System.nanoTime();
                CampaignOutcome o = CampaignRunner.builder(orion.tenant(TenantId.of("bench"))).name("loop " + n).space(space)
                        .goal(Goal.minimize("f")).strategy(Strategies.random()).evaluator(sphere)
                        .stop(StopCriteria.afterEvaluations(n)).batchSize(batch).seed(1).build().run();
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("%d evaluations in %d iterations (batch %d) in %.2f s: %.0f evaluations per minute%n",
                        o.evaluations(), o.iterations(), batch, seconds, o.evaluations() / seconds * 60);
            }
        }
    }
}
