package dev.orion.spring.health;

import dev.orion.core.Orion;
import dev.orion.engine.Engine;
import dev.orion.engines.espresso.EspressoEngine;
import dev.orion.engines.lammps.LammpsEngine;
import dev.orion.engines.slurm.SlurmExecutor;
import dev.orion.llm.router.LlmRouter;
import dev.orion.spring.autoconfigure.OrionAutoConfiguration;
import dev.orion.spring.autoconfigure.OrionConfigurationException;
import dev.orion.spring.autoconfigure.OrionLlmAutoConfiguration;
import dev.orion.spring.autoconfigure.OrionLlmProperties;
import dev.orion.spring.autoconfigure.OrionProperties;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.HealthContributor;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Actuator health of ORION, when the application has Spring Boot Actuator:
 * <ul>
 *   <li>{@code orionStore}: one indexed read through a tenant view;</li>
 *   <li>{@code orionEngines}: one component per engine bean (program found, version);</li>
 *   <li>{@code orionSlurm}: {@code scontrol ping}, when the SLURM executor is configured;</li>
 *   <li>{@code orionLlm}: one component per provider under {@code orion.llm.providers} (configuration and
 *       the router's figures of the last five minutes; no provider call).</li>
 * </ul>
 * Each backs off when the application defines a bean of the same name; {@code management.health.orion.enabled=false}
 * turns them all off.
 */
@AutoConfiguration(after = {OrionAutoConfiguration.class, OrionLlmAutoConfiguration.class})
@ConditionalOnClass({HealthIndicator.class, Orion.class})
@ConditionalOnEnabledHealthIndicator("orion")
@EnableConfigurationProperties({OrionProperties.class, OrionLlmProperties.class})
public class OrionHealthAutoConfiguration {

    private static final Duration SLURM_PING_TIMEOUT = Duration.ofSeconds(10);

    /** Creates the auto-configuration (Spring does). */
    public OrionHealthAutoConfiguration() {
    }

    /**
     * @param orion the ORION instance whose store is checked
     * @return the {@code orionStore} health indicator
     */
    @Bean
    @ConditionalOnBean(Orion.class)
    @ConditionalOnMissingBean(name = "orionStoreHealthIndicator")
    public HealthIndicator orionStoreHealthIndicator(Orion orion) {
        return new StoreHealthIndicator(orion.stores());
    }

    /**
     * @param engines    the engine beans
     * @param properties the {@code orion.*} properties (the programs of LAMMPS and Quantum ESPRESSO)
     * @return the {@code orionEngines} health contributor, one component per engine
     */
    @Bean
    @ConditionalOnBean(Engine.class)
    @ConditionalOnMissingBean(name = "orionEnginesHealthContributor")
    public HealthContributor orionEnginesHealthContributor(ObjectProvider<Engine> engines, OrionProperties properties) {
        Map<String, HealthIndicator> byName = new LinkedHashMap<>();
        engines.orderedStream().forEach(e -> byName.put(e.name(), new EngineHealthIndicator(e, program(e, properties))));
        return CompositeHealthContributor.fromMap(byName);
    }

    private static Optional<String> program(Engine engine, OrionProperties properties) {
        if (engine instanceof LammpsEngine) {
            return Optional.of(properties.engines().lammps().executable());
        }
        if (engine instanceof EspressoEngine) {
            return Optional.of(properties.engines().espresso().executable());
        }
        return Optional.empty();
    }

    /**
     * @param properties the {@code orion.*} properties (the SLURM command prefix)
     * @return the {@code orionSlurm} health indicator
     */
    @Bean
    @ConditionalOnBean(SlurmExecutor.class)
    @ConditionalOnMissingBean(name = "orionSlurmHealthIndicator")
    public HealthIndicator orionSlurmHealthIndicator(OrionProperties properties) {
        return new SlurmHealthIndicator(properties.slurm().commandPrefix(), SLURM_PING_TIMEOUT);
    }

    /**
     * @param properties   the {@code orion.llm.*} properties
     * @param router       the router whose figures are reported
     * @param ping         whether each provider's first model is pinged ({@code management.health.orion.llm.ping.enabled})
     * @param interval     the least time between two pings of a model (a duration such as {@code 5m})
     * @return the {@code orionLlm} health contributor, one component per provider
     */
    @Bean
    @ConditionalOnBean(LlmRouter.class)
    @ConditionalOnMissingBean(name = "orionLlmHealthContributor")
    public HealthContributor orionLlmHealthContributor(OrionLlmProperties properties, LlmRouter router,
            @Value("${management.health.orion.llm.ping.enabled:false}") boolean ping,
            @Value("${management.health.orion.llm.ping.interval:5m}") String interval) {
        Duration pingInterval;
        try {
            pingInterval = DurationStyle.detectAndParse(interval);
        } catch (IllegalArgumentException e) {
            throw new OrionConfigurationException("management.health.orion.llm.ping.interval", "must be a duration such as"
                    + " 5m, was '" + interval + "'", e);
        }
        if (pingInterval.isNegative() || pingInterval.isZero()) {
            throw new OrionConfigurationException("management.health.orion.llm.ping.interval", "must be positive, was "
                    + pingInterval);
        }
        Optional<LlmPing> pinger = ping ? Optional.of(new LlmPing(router, pingInterval, Clock.systemUTC())) : Optional.empty();
        Map<String, HealthIndicator> byName = new TreeMap<>();
        properties.providers().forEach((name, provider) -> byName.put(name, new LlmProviderHealthIndicator(provider,
                properties.models().entrySet().stream().filter(m -> name.equals(m.getValue().provider()))
                        .map(Map.Entry::getKey).sorted().collect(Collectors.toList()), router, pinger)));
        return CompositeHealthContributor.fromMap(byName);
    }
}
