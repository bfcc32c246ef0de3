package dev.orion.samples.spring;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves the admin page ({@code static/admin/}: plain HTML, CSS and JavaScript, no build step) at
 * {@code /admin/}. The page itself is public; everything it shows comes from {@code /api} with the API key the
 * user enters.
 */
@Configuration(proxyBeanMethods = false)
class AdminPage implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/admin", "/admin/");
        registry.addViewController("/admin/").setViewName("forward:/admin/index.html");
        registry.addRedirectViewController("/", "/admin/");
    }
}
