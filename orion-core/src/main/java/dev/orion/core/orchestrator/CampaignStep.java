package dev.orion.core.orchestrator;

import dev.orion.campaign.Observation;
import dev.orion.core.campaign.runner.CampaignOutcome;
import dev.orion.core.campaign.runner.CampaignRunner;
import dev.orion.core.campaign.runner.StopCriteria;
import dev.orion.store.CampaignRecord;
import dev.orion.store.NotFoundException;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.function.Function;

/**
 * What one orchestrator run does to a campaign: the pluggable "advance one step". The default,
 * {@link #oneIteration}, runs the campaign runner for one more iteration; an LLM agent that proposes and
 * submits through the runner is another. A step runs under the campaign's lease, so no other orchestrator
 * advances the campaign meanwhile; it must leave the campaign resumable if it is interrupted (the runner
 * does), because an orchestrator that takes over after a crash runs the step again.
 */
@FunctionalInterface
public interface CampaignStep {

    /**
     * @param context the tenant, campaign and trigger
     * @return what the step did
     * @throws RuntimeException anything; the run is recorded as failed with the message
     */
    StepResult advance(StepContext context);

    /**
     * The default step: resumes the campaign with a runner whose budget is the evaluations stored so far plus
     * one batch, so it completes an iteration left unfinished by a crashed run, or proposes and evaluates one
     * more.
     *
     * <pre>{@code
     * CampaignStep step = CampaignStep.oneIteration(2, stop -> CampaignRunner.builder(acme)
     *         .space(space).goal(goal).strategy(Strategies.bayesian()).evaluator(evaluator)
     *         .batchSize(2).seed(7).stop(stop).build());
     * }</pre>
     *
     * @param batchSize the campaign's batch size (as it was created with)
     * @param runner    builds the campaign's runner with the given stop criteria
     * @return the step
     */
    static CampaignStep oneIteration(int batchSize, Function<StopCriteria, CampaignRunner> runner) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
        }
        Objects.requireNonNull(runner, "runner");
        return context -> {
            CampaignRecord before = context.tenant().campaigns().find(context.campaignId())
                    .orElseThrow(() -> new NotFoundException("campaign", context.campaignId()));
            long seen = Triggers.observationCount(context.tenant(), context.campaignId());
            int budget = Math.toIntExact(Math.min(Integer.MAX_VALUE, seen + batchSize));
            CampaignOutcome outcome = runner.apply(StopCriteria.afterEvaluations(budget)).resume(context.campaignId());
            return new StepResult(Math.max(0, outcome.iterations() - before.iterations()),
                    (int) Math.max(0, Triggers.observationCount(context.tenant(), context.campaignId()) - seen), BigDecimal.ZERO,
                    outcome.best().map(Observation::candidate).map(c -> c.id()));
        };
    }
}
