/**
 * The closed loop of a design campaign: {@link dev.orion.core.campaign.runner.CampaignRunner} proposes
 * candidates with a {@link dev.orion.campaign.Strategy}, has an {@link dev.orion.campaign.Evaluator}
 * measure them, records every step in the tenant's {@link dev.orion.store.CampaignStore}, and stops on
 * its {@link dev.orion.core.campaign.runner.StopCriteria}. Proposals are stored before they are evaluated,
 * so a campaign whose JVM died resumes from the store with no evaluation lost and none run twice.
 * {@link dev.orion.core.campaign.runner.JobEvaluator} runs engine calculations through the tenant's job
 * service; {@link dev.orion.core.campaign.runner.Evaluators#lookup} answers from a table of known values.
 */
package dev.orion.core.campaign.runner;
