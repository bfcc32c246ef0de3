package dev.orion.core.orchestrator;

import dev.orion.core.OrionTenant;
import java.util.Objects;

/**
 * What a {@link CampaignStep} is given: the tenant and campaign to advance, and why.
 *
 * @param tenant     the tenant's view
 * @param campaignId the campaign
 * @param runId      the orchestrator run this step belongs to (use it as the run id of LLM calls)
 * @param trigger    what started the run ("manual", "schedule", "observations", "resume", ...)
 */
public record StepContext(OrionTenant tenant, String campaignId, String runId, String trigger) {

    /** Validates. */
    public StepContext {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(trigger, "trigger");
    }
}
