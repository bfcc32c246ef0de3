package dev.orion.spring.web;

import dev.orion.tenant.Principal;
import dev.orion.tenant.TenantId;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The tenant of a JWT that Spring Security's resource server has verified: the tenant claim (default
 * {@code tenant_id}) names it, and it is required: a token without it is refused, never resolved to its user
 * (the subject names who acts, not whose data it is). The scopes are the token's {@code SCOPE_} authorities
 * ({@code scope} or {@code scp} claim), with the same rules as an ORION API key's.
 */
final class JwtTenantResolver implements TokenTenantResolver {

    private static final String SCOPE_PREFIX = "SCOPE_";
    private final String claim;

    JwtTenantResolver(String claim) {
        this.claim = claim;
    }

    @Override
    public TokenTenant resolve(HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication instanceof JwtAuthenticationToken token) || !token.isAuthenticated()) {
            return new TokenTenant.Refused("INVALID", "the bearer token was not accepted (it is neither an ORION API key"
                    + " nor a JWT verified by the resource server)");
        }
        Jwt jwt = token.getToken();
        Object value = jwt.getClaims().get(claim);
        if (!(value instanceof String text) || text.isBlank()) {
            return new TokenTenant.Refused("MISSING_TENANT", "the token has no " + claim + " claim naming its tenant");
        }
        TenantId tenant;
        try {
            tenant = TenantId.of(text);
        } catch (IllegalArgumentException e) {
            return new TokenTenant.Refused("INVALID_TENANT", "the token's " + claim + " claim is not a valid tenant id");
        }
        String subject = jwt.getSubject() == null || jwt.getSubject().isBlank() ? "jwt" : jwt.getSubject();
        Set<String> scopes = token.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith(SCOPE_PREFIX)).map(a -> a.substring(SCOPE_PREFIX.length()))
                .collect(Collectors.toSet());
        return new TokenTenant.Resolved(tenant, Principal.user(subject), scopes);
    }
}
