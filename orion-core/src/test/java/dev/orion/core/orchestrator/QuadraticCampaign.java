package dev.orion.core.orchestrator;

import dev.orion.campaign.Candidate;
import dev.orion.campaign.ContinuousParameter;
import dev.orion.campaign.Evaluator;
import dev.orion.campaign.Goal;
import dev.orion.campaign.ParameterSpace;
import dev.orion.campaign.ParameterValue;
import dev.orion.core.OrionTenant;
import dev.orion.core.campaign.runner.CampaignRunner;
import dev.orion.core.campaign.runner.StopCriteria;
import dev.orion.core.campaign.strategy.Strategies;
import java.time.Duration;
import java.util.Map;

/** The small campaign the orchestrator tests advance: minimise (x - 1)^2 over [-2, 3] in batches of two. */
final class QuadraticCampaign {

    static final ParameterSpace SPACE = ParameterSpace.builder().add(ContinuousParameter.of("x", -2, 3)).build();
    static final int BATCH = 2;
    static final String EVALUATOR = "lab";

    private QuadraticCampaign() {
    }

    static Evaluator evaluator() {
        return Evaluator.of(EVALUATOR, "f", "", c -> (c.number("x") - 1) * (c.number("x") - 1));
    }

    static CampaignRunner runner(OrionTenant tenant, Evaluator evaluator, StopCriteria stop) {
        return CampaignRunner.builder(tenant).name("quadratic").space(SPACE).goal(Goal.minimize("f"))
                .strategy(Strategies.sobol()).evaluator(evaluator).stop(stop).batchSize(BATCH).seed(5)
                .pollInterval(Duration.ofMillis(20)).build();
    }

    static CampaignStep step(OrionTenant tenant, Evaluator evaluator) {
        return CampaignStep.oneIteration(BATCH, stop -> runner(tenant, evaluator, stop));
    }

    static Candidate point(double x) {
        return Candidate.of(Map.of("x", ParameterValue.real(x)));
    }
}
