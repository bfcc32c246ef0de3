package dev.orion.spring.metrics;

import dev.orion.llm.router.LlmRouter;
import dev.orion.spring.autoconfigure.OrionLlmAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * Registers {@link GenAiMetricsLink} as a link of the auto-configured router when the application has a
 * Micrometer {@link MeterRegistry} (Spring Boot Actuator makes one). {@code orion.llm.metrics.enabled=false}
 * turns it off.
 */
@AutoConfiguration(before = OrionLlmAutoConfiguration.class, afterName = {
    "org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration",
    "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration"})
@ConditionalOnClass({MeterRegistry.class, LlmRouter.class})
@ConditionalOnBean(MeterRegistry.class)
@ConditionalOnProperty(prefix = "orion.llm.metrics", name = "enabled", matchIfMissing = true)
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
    public GenAiMetricsLink orionGenAiMetricsLink(MeterRegistry registry) {
        return new GenAiMetricsLink(registry);
    }
}
