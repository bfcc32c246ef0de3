package dev.orion.spring.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code orion.web.*} properties: which requests must present an ORION API key.
 *
 * @param enabled  Whether requests under the base path are resolved to a tenant by their API key.
 * @param basePath The path under which every request needs an API key; the first segment after it names the
 *                 resource of the scope the key must grant (GET /api/structures/7 needs structures:read).
 * @param jwt      How a JWT verified by Spring Security's resource server names its tenant.
 */
@ConfigurationProperties("orion.web")
public record OrionWebProperties(@DefaultValue("true") boolean enabled, @DefaultValue("/api") String basePath,
                                 @DefaultValue Jwt jwt) {

    /** Checks the base path. */
    public OrionWebProperties {
        if (basePath == null || !basePath.matches("(/[A-Za-z0-9._~-]+)+")) {
            throw new IllegalArgumentException("orion.web.base-path must be a path such as /api (no trailing '/',"
                    + " no wildcards), was '" + basePath + "'");
        }
    }

    /**
     * The {@code orion.web.jwt.*} properties.
     *
     * @param enabled     Whether a request with a JWT (not an ORION API key) is resolved to the tenant of its claim,
     *                    when the application is an OAuth2 resource server.
     * @param tenantClaim The claim naming the tenant; required in every token (there is no fallback to the user).
     */
    public record Jwt(@DefaultValue("true") boolean enabled, @DefaultValue("tenant_id") String tenantClaim) {

        /** Checks the claim name. */
        public Jwt {
            if (tenantClaim == null || tenantClaim.isBlank()) {
                throw new IllegalArgumentException("orion.web.jwt.tenant-claim must name a claim, was '" + tenantClaim + "'");
            }
        }
    }
}
