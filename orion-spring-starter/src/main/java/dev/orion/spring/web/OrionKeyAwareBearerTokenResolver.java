package dev.orion.spring.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/**
 * Spring Security's bearer-token resolution, except that an ORION API key ({@code Authorization: Bearer orion_...})
 * is left to ORION's filter instead of being decoded (and refused) as a JWT, so API keys and JWTs work side by
 * side on the same endpoints.
 */
final class OrionKeyAwareBearerTokenResolver implements BearerTokenResolver {

    private final DefaultBearerTokenResolver standard = new DefaultBearerTokenResolver();

    @Override
    public String resolve(HttpServletRequest request) {
        String token = standard.resolve(request);
        return token != null && TenantResolutionFilter.isOrionKey(token) ? null : token;
    }
}
