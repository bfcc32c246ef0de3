package dev.orion.spring.web;

import dev.orion.core.Orion;
import dev.orion.spring.autoconfigure.OrionAutoConfiguration;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
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
     * @param jwt        the JWT tenant resolution, in an OAuth2 resource server
     * @return the tenant resolution filter, registered for the base path
     */
    @Bean
    @ConditionalOnMissingBean(name = "orionTenantResolutionFilter")
    public FilterRegistrationBean<OncePerRequestFilter> orionTenantResolutionFilter(Orion orion,
            OrionWebProperties properties, ObjectProvider<JwtTenants> jwt) {
        Optional<TokenTenantResolver> tokens = Optional.ofNullable(jwt.getIfAvailable()).map(JwtTenants::resolver);
        FilterRegistrationBean<OncePerRequestFilter> registration =
                new FilterRegistrationBean<>(new TenantResolutionFilter(orion, properties.basePath(), tokens));
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

    /**
     * JWT tenant resolution, when Spring Security's OAuth2 resource server is on the class path: requests whose
     * bearer token is not an ORION API key are resolved to the tenant of the verified token's tenant claim, and
     * Spring Security's bearer-token resolution leaves ORION API keys alone.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken")
    @ConditionalOnProperty(prefix = "orion.web.jwt", name = "enabled", matchIfMissing = true)
    public static class JwtConfiguration {

        /** Creates the configuration (Spring does). */
        public JwtConfiguration() {
        }

        /**
         * @param properties the {@code orion.web.*} properties
         * @return the JWT tenant resolution the filter uses
         */
        @Bean
        public JwtTenants orionJwtTenants(OrionWebProperties properties) {
            return new JwtTenants(new JwtTenantResolver(properties.jwt().tenantClaim()));
        }

        /** @return Spring Security's bearer-token resolution, except for ORION API keys */
        @Bean
        @ConditionalOnMissingBean(BearerTokenResolver.class)
        public BearerTokenResolver orionKeyAwareBearerTokenResolver() {
            return new OrionKeyAwareBearerTokenResolver();
        }
    }
}
