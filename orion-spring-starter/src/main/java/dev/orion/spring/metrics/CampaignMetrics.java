package dev.orion.spring.metrics;

import dev.orion.campaign.Observation;
import dev.orion.campaign.Proposal;
import dev.orion.core.campaign.runner.CampaignListener;
import dev.orion.core.campaign.runner.CampaignOutcome;
import dev.orion.store.CampaignRecord;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Campaign progress as counters: {@code orion.campaign.runs} ({@code resumed=true|false}),
 * {@code orion.campaign.iterations}, {@code orion.campaign.proposals}, {@code orion.campaign.evaluations}
 * ({@code outcome=success|failure}) and {@code orion.campaign.stops} ({@code reason}). A runner reports to it
 * when it is given as a listener: {@code CampaignRunner.builder(tenant)...listener(campaignMetrics)}; the bean is
 * made by {@link OrionMetricsAutoConfiguration}.
 */
public final class CampaignMetrics implements CampaignListener {

    private final MeterRegistry registry;

    /** @param registry where the counters go */
    public CampaignMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void started(CampaignRecord campaign, boolean resumed) {
        Counter.builder("orion.campaign.runs").description("campaign runs started").tag("resumed", Boolean.toString(resumed))
                .register(registry).increment();
    }

    @Override
    public void proposed(int iteration, List<Proposal> proposals) {
        Counter.builder("orion.campaign.iterations").description("campaign iterations").register(registry).increment();
        Counter.builder("orion.campaign.proposals").description("candidates proposed").register(registry)
                .increment(proposals.size());
    }

    @Override
    public void observed(int iteration, Observation observation, Optional<String> jobId, Optional<Observation> best) {
        Counter.builder("orion.campaign.evaluations").description("candidates evaluated")
                .tag("outcome", observation.isFailure() ? "failure" : "success").register(registry).increment();
    }

    @Override
    public void stopped(CampaignOutcome outcome) {
        Counter.builder("orion.campaign.stops").description("campaign runs stopped")
                .tag("reason", outcome.reason().name().toLowerCase(Locale.ROOT)).register(registry).increment();
    }

    @Override
    public String toString() {
        return "CampaignMetrics";
    }
}
