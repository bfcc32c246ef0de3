package dev.orion.spring.web;

import dev.orion.core.Orion;
import dev.orion.spring.autoconfigure.OrionAutoConfiguration;
import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Tenant resolution for servlet web applications: every request under {@code orion.web.base-path}
 * (default {@code /api}) must present an ORION API key, and its handlers get the key's tenant-bound
 * {@code OrionTenant} (as a parameter, or from {@link TenantRequests}). The filter runs after Spring
 * Security's filter chain (order {@value #FILTER_ORDER}).
 */
@AutoConfiguration(after = OrionAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({OncePerRequestFilter.class, WebMvcConfigurer.class, Orion.class})
@ConditionalOnBean(Orion.class)
@ConditionalOnProperty(prefix = "orion.web", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(OrionWebProperties.class)
public class OrionWebAutoConfiguration {

    /** The filter's order: after Spring Security's filter chain (-100), before the application's filters. */
    public static final int FILTER_ORDER = -50;

    /** Creates the auto-configuration (Spring does). */
    public OrionWebAutoConfiguration() {
    }

    /**
     * @param orion      the ORION instance whose key store checks the keys
     * @param properties the {@code orion.web.*} properties
     * @return the tenant resolution filter, registered for the base path
     */
    @Bean
    @ConditionalOnMissingBean(name = "orionTenantResolutionFilter")
    public FilterRegistrationBean<OncePerRequestFilter> orionTenantResolutionFilter(Orion orion,
            OrionWebProperties properties) {
        FilterRegistrationBean<OncePerRequestFilter> registration =
                new FilterRegistrationBean<>(new TenantResolutionFilter(orion, properties.basePath()));
        registration.setUrlPatterns(List.of(properties.basePath(), properties.basePath() + "/*"));
        registration.setOrder(FILTER_ORDER);
        registration.setName("orionTenantResolutionFilter");
        return registration;
    }

    /** @return the MVC configuration that resolves {@code OrionTenant} handler parameters */
    @Bean
    public WebMvcConfigurer orionTenantArgumentResolverConfigurer() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new OrionTenantArgumentResolver());
            }
        };
    }
}
