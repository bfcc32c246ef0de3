package dev.orion.spring.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code orion.web.*} properties: which requests must present an ORION API key.
 *
 * @param enabled  Whether requests under the base path are resolved to a tenant by their API key.
 * @param basePath The path under which every request needs an API key; the first segment after it names the
 *                 resource of the scope the key must grant (GET /api/structures/7 needs structures:read).
 */
@ConfigurationProperties("orion.web")
public record OrionWebProperties(@DefaultValue("true") boolean enabled, @DefaultValue("/api") String basePath) {

    /** Checks the base path. */
    public OrionWebProperties {
        if (basePath == null || !basePath.matches("(/[A-Za-z0-9._~-]+)+")) {
            throw new IllegalArgumentException("orion.web.base-path must be a path such as /api (no trailing '/',"
                    + " no wildcards), was '" + basePath + "'");
        }
    }
}
