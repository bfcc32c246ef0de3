package dev.orion.spring.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orion.spring.autoconfigure.OrionAutoConfiguration;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;

class OrionWebAutoConfigurationTest {

    @TempDir
    Path dir;

    private WebApplicationContextRunner web() {
        return new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(OrionAutoConfiguration.class, OrionWebAutoConfiguration.class))
                .withPropertyValues("orion.store.type=memory", "orion.work-root=" + dir.resolve("work"));
    }

    @Test
    void aServletApplicationGetsTheFilterOnTheBasePath() {
        web().run(context -> {
            FilterRegistrationBean<?> registration = context.getBean("orionTenantResolutionFilter",
                    FilterRegistrationBean.class);
            assertThat(registration.getUrlPatterns()).containsExactly("/api", "/api/*");
            assertThat(registration.getOrder()).isEqualTo(OrionWebAutoConfiguration.FILTER_ORDER);
            assertThat(registration.getFilter()).isInstanceOf(TenantResolutionFilter.class);
        });
        web().withPropertyValues("orion.web.base-path=/v1/orion").run(context -> assertThat(
                context.getBean("orionTenantResolutionFilter", FilterRegistrationBean.class).getUrlPatterns())
                .containsExactly("/v1/orion", "/v1/orion/*"));
    }

    @Test
    void noFilterOutsideAWebApplicationOrWhenSwitchedOff() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(OrionAutoConfiguration.class, OrionWebAutoConfiguration.class))
                .withPropertyValues("orion.store.type=memory")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean("orionTenantResolutionFilter"));
        web().withPropertyValues("orion.web.enabled=false").run(context ->
                assertThat(context).hasNotFailed().doesNotHaveBean("orionTenantResolutionFilter"));
    }

    @Test
    void aBadBasePathFailsStartUpNamingIt() {
        web().withPropertyValues("orion.web.base-path=api/*").run(context -> {
            assertThat(context).hasFailed();
            StringBuilder messages = new StringBuilder();
            for (Throwable t = context.getStartupFailure(); t != null; t = t.getCause()) {
                messages.append(t.getMessage()).append('\n');
            }
            assertThat(messages).contains("orion.web.base-path must be a path such as /api");
        });
    }

    @Test
    void withSpringSecuritysResourceServerJwtsAreResolvedByTheirTenantClaim() {
        web().run(context -> {
            assertThat(context).hasSingleBean(JwtTenants.class);
            assertThat(context.getBean(BearerTokenResolver.class)).isInstanceOf(OrionKeyAwareBearerTokenResolver.class);
        });
        web().withPropertyValues("orion.web.jwt.enabled=false").run(context ->
                assertThat(context).hasNotFailed().doesNotHaveBean(JwtTenants.class).doesNotHaveBean(BearerTokenResolver.class));
        web().withClassLoader(new FilteredClassLoader("org.springframework.security.oauth2.server.resource")).run(context ->
                assertThat(context).hasNotFailed().doesNotHaveBean(JwtTenants.class).hasBean("orionTenantResolutionFilter"));
        BearerTokenResolver own = request -> null;
        web().withBean(BearerTokenResolver.class, () -> own).run(context ->
                assertThat(context.getBean(BearerTokenResolver.class)).isSameAs(own));
        web().withPropertyValues("orion.web.jwt.tenant-claim= ").run(context -> assertThat(context).hasFailed());
    }
}
