package dev.orion.spring.metrics;

import dev.orion.llm.router.LlmRouter;
import dev.orion.spring.autoconfigure.OrionAutoConfiguration;
import dev.orion.spring.autoconfigure.OrionLlmAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * Registers ORION's meters when the application has a Micrometer {@link MeterRegistry} (Spring Boot Actuator
 * makes one): {@link GenAiMetricsLink}, a link of the auto-configured router, and {@link LlmCacheMetrics}, an
 * observer of its call records ({@code orion.llm.metrics.enabled=false} turns both off); {@link JobMetrics}, a job
 * listener of the auto-configured {@code Orion} ({@code orion.metrics.jobs.enabled}); {@link CampaignMetrics}, a
 * listener for campaign runners ({@code orion.metrics.campaigns.enabled}).
 */
@AutoConfiguration(before = {OrionLlmAutoConfiguration.class, OrionAutoConfiguration.class}, afterName = {
    "org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration",
    "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration"})
@ConditionalOnClass({MeterRegistry.class, LlmRouter.class})
@ConditionalOnBean(MeterRegistry.class)
public class OrionMetricsAutoConfiguration {

    /** Creates the auto-configuration (Spring does). */
    public OrionMetricsAutoConfiguration() {
    }

    /**
     * @param registry where the meters go
     * @return the link the router adds to its chain
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(prefix = "orion.llm.metrics", name = "enabled", matchIfMissing = true)
    public GenAiMetricsLink orionGenAiMetricsLink(MeterRegistry registry) {
        return new GenAiMetricsLink(registry);
    }

    /**
     * @param registry where the counter goes
     * @return the router cache metrics, an observer of the router's call records
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(prefix = "orion.llm.metrics", name = "enabled", matchIfMissing = true)
    public LlmCacheMetrics orionLlmCacheMetrics(MeterRegistry registry) {
        return new LlmCacheMetrics(registry);
    }

    /**
     * @param registry where the meters go
     * @return the job metrics, a job listener of the auto-configured {@code Orion}
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(prefix = "orion.metrics.jobs", name = "enabled", matchIfMissing = true)
    public JobMetrics orionJobMetrics(MeterRegistry registry) {
        return new JobMetrics(registry);
    }

    /**
     * @param registry where the counters go
     * @return the campaign metrics, for runners to take as a listener
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(prefix = "orion.metrics.campaigns", name = "enabled", matchIfMissing = true)
    public CampaignMetrics orionCampaignMetrics(MeterRegistry registry) {
        return new CampaignMetrics(registry);
    }
}
