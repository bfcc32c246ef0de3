package dev.orion.bench.campaign;

import dev.orion.campaign.Evaluator;
import dev.orion.campaign.Goal;
import dev.orion.campaign.Observation;
import dev.orion.campaign.ParameterSpace;
import dev.orion.core.Orion;
import dev.orion.core.OrionTenant;
import dev.orion.core.Stores;
import dev.orion.core.campaign.agent.AgentMode;
import dev.orion.core.campaign.agent.CampaignAgent;
import dev.orion.core.campaign.runner.CampaignOutcome;
import dev.orion.core.campaign.runner.CampaignRunner;
import dev.orion.core.campaign.runner.StopCriteria;
import dev.orion.core.campaign.strategy.Strategies;
import dev.orion.llm.router.LlmRouter;
import dev.orion.llm.router.ModelRoute;
import dev.orion.store.LlmCallFilter;
import dev.orion.store.OrionStores;
import dev.orion.tenant.Principal;
import dev.orion.tenant.TenantId;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Bayesian optimisation alone against the campaign agent in each mode (ADVISOR, DRIVER, HYBRID), on the same
 * seeds and evaluation budget, over Branin (2-D, minimum 0.397887) with batches of 2. The agent is
 * {@link ScriptedCampaignModel}, a deterministic stand-in served through ORION's router (priced as
 * {@code gpt-4o-mini}), so the figures measure the machinery (tools, checks, call records) and the effect of the
 * script's simple policy, not the judgement of a real model. Prints, per method, the median best value found, the
 * median number of improvements, tokens and dollars per run, and dollars per improvement.
 *
 * <pre>
 * scripts/bench dev.orion.bench.campaign.AgentModesStudy [SEEDS] [EVALUATIONS]
 * </pre>
 */
public final class AgentModesStudy {

    private static final double BRANIN_MINIMUM = 0.397887;

    private AgentModesStudy() {
    }

    private record Run(double best, int improvements, long tokensIn, long tokensOut, BigDecimal cost, int evaluations) {
    }

    /**
     * @param args seeds (default 5) and evaluations per campaign (default 24)
     */
    public static void main(String[] args) {
        int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int evaluations = args.length > 1 ? Integer.parseInt(args[1]) : 24;
        System.out.printf(Locale.ROOT, "Branin, %d seeds, %d evaluations in batches of 2; agent = scripted model via the router"
                + " (priced as gpt-4o-mini)%n", seeds, evaluations);
        System.out.printf(Locale.ROOT, "%-9s %12s %12s %8s %10s %10s %12s %14s%n", "method", "best median", "best q25-q75",
                "improv.", "tokens in", "tokens out", "$ per run", "$ per improv.");
        for (Optional<AgentMode> mode : new Optional[] {Optional.empty(), Optional.of(AgentMode.ADVISOR),
                Optional.of(AgentMode.DRIVER), Optional.of(AgentMode.HYBRID)}) {
            Run[] runs = new Run[seeds];
            for (int s = 0; s < seeds; s++) {
                runs[s] = run(mode, evaluations, s);
            }
            double[] best = Arrays.stream(runs).mapToDouble(Run::best).sorted().toArray();
            double improvements = median(Arrays.stream(runs).mapToDouble(Run::improvements).sorted().toArray());
            long in = Arrays.stream(runs).mapToLong(Run::tokensIn).sum() / seeds;
            long out = Arrays.stream(runs).mapToLong(Run::tokensOut).sum() / seeds;
            BigDecimal cost = Arrays.stream(runs).map(Run::cost).reduce(BigDecimal.ZERO, BigDecimal::add);
            long totalImprovements = Arrays.stream(runs).mapToLong(Run::improvements).sum();
            System.out.printf(Locale.ROOT, "%-9s %12.4f %5.3f-%-6.3f %8.1f %10d %10d %12.6f %14s%n",
                    mode.map(Enum::name).orElse("BO alone"), median(best), best[seeds / 4], best[(3 * seeds) / 4],
                    improvements, in, out, cost.doubleValue() / seeds,
                    mode.isEmpty() ? "-" : String.format(Locale.ROOT, "%.6f", cost.doubleValue() / totalImprovements));
        }
        System.out.printf(Locale.ROOT, "(optimum %.6f)%n", BRANIN_MINIMUM);
    }

    private static Run run(Optional<AgentMode> mode, int evaluations, long seed) {
        ParameterSpace space = RegretStudy.braninSpace();
        OrionStores stores = Stores.inMemory();
        LlmRouter router = LlmRouter.builder().model(new ModelRoute("agent", "openai-compatible", "gpt-4o-mini",
                new ScriptedCampaignModel(space, "y"), 128_000)).stores(stores).build();
        try (Orion orion = Orion.builder().store(stores).chatModel(router).build()) {
            OrionTenant t = orion.tenant(TenantId.of("bench"), Principal.system("bench"));
            Evaluator branin = Evaluator.of("branin", "y", "", c -> RegretStudy.branin(new double[] {c.number("x1"), c.number("x2")}));
            CampaignRunner.Builder runner = CampaignRunner.builder(t).space(space).goal(Goal.minimize("y"))
                    .strategy(Strategies.bayesian()).evaluator(branin).pollInterval(Duration.ZERO)
                    .stop(StopCriteria.builder().maxEvaluations(evaluations).build()).batchSize(2).seed(seed);
            mode.ifPresent(m -> runner.proposalStep(CampaignAgent.builder(t).mode(m).model("agent").maxSteps(6).build()));
            CampaignOutcome outcome = runner.build().run();
            router.flushCallLog(Duration.ofSeconds(10));
            long[] tokens = new long[2];
            BigDecimal[] cost = {BigDecimal.ZERO};
            t.llmCalls().forEach(LlmCallFilter.all(), r -> {
                tokens[0] += r.call().tokensIn();
                tokens[1] += r.call().tokensOut();
                cost[0] = cost[0].add(r.call().cost());
            });
            return new Run(outcome.best().orElseThrow().value("y").getAsDouble(), improvements(outcome), tokens[0], tokens[1],
                    cost[0], outcome.evaluations());
        }
    }

    private static int improvements(CampaignOutcome outcome) {
        double best = Double.POSITIVE_INFINITY;
        int count = 0;
        for (Observation o : outcome.observations()) {
            if (!o.isFailure() && o.value("y").getAsDouble() < best) {
                best = o.value("y").getAsDouble();
                count++;
            }
        }
        return count;
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
