package dev.orion.spring.web;

import dev.orion.core.Orion;
import dev.orion.store.ApiKeyCheck;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Resolves each request to the tenant of the ORION API key it presents ({@code Authorization: Bearer <key>}
 * or {@code X-API-Key: <key>}), or, in an OAuth2 resource server, of the verified JWT it presents (its
 * {@code tenant_id} claim, see {@link JwtTenantResolver}), checked by {@link Orion#authenticate} against the key store with the scope
 * the request needs ({@code <resource>:read} for GET and HEAD, {@code <resource>:write} otherwise, the
 * resource being the first path segment after the base path) and the key's rate limit. An accepted request
 * carries the key's {@code OrionTenant} ({@link TenantRequests}); a refused one is answered here: 401 without
 * a valid key, 403 when the key lacks the scope, 429 with {@code Retry-After} over the key's rate limit.
 * {@code OPTIONS} requests (CORS pre-flights carry no credentials) pass unresolved.
 */
final class TenantResolutionFilter extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(TenantResolutionFilter.class);
    private static final Set<String> READS = Set.of("GET", "HEAD");
    private static final String BEARER = "Bearer ";

    /** How every ORION API key begins ({@code orion_<tenant>_<id>_<secret>}). */
    private static final String ORION_KEY_PREFIX = "orion_";

    private final Orion orion;
    private final String basePath;
    private final Optional<TokenTenantResolver> tokens;

    TenantResolutionFilter(Orion orion, String basePath) {
        this(orion, basePath, Optional.empty());
    }

    TenantResolutionFilter(Orion orion, String basePath, Optional<TokenTenantResolver> tokens) {
        this.orion = orion;
        this.basePath = basePath;
        this.tokens = tokens;
    }

    /** @param token a presented bearer token @return whether it is (shaped like) an ORION API key */
    static boolean isOrionKey(String token) {
        return token.startsWith(ORION_KEY_PREFIX);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return "OPTIONS".equals(request.getMethod()) || !within(path(request));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> key = presentedKey(request);
        if (key.isPresent() && tokens.isPresent() && !isOrionKey(key.get()) && request.getHeader("X-API-Key") == null) {
            resolveByToken(tokens.get().resolve(request), request, response, chain);
            return;
        }
        if (key.isEmpty()) {
            refuse(response, HttpServletResponse.SC_UNAUTHORIZED, "MISSING",
                    "an ORION API key is required (Authorization: Bearer <key> or X-API-Key: <key>)");
            return;
        }
        String scope = requiredScope(request);
        ApiKeyCheck check = orion.authenticate(key.get(), scope);
        if (check instanceof ApiKeyCheck.Accepted accepted) {
            request.setAttribute(TenantRequests.TENANT_ATTRIBUTE, orion.tenant(accepted.key().tenant(), accepted.principal()));
            chain.doFilter(request, response);
            return;
        }
        ApiKeyCheck.Rejected rejected = (ApiKeyCheck.Rejected) check;
        LOG.debug("refused {} {}: {}", request.getMethod(), path(request), rejected.reason());
        switch (rejected.reason()) {
            case MISSING_SCOPE -> refuse(response, HttpServletResponse.SC_FORBIDDEN, rejected.reason().name(),
                    "the API key does not grant the scope " + scope);
            case RATE_LIMITED -> {
                long seconds = Math.max(1, (rejected.retryAfter().toMillis() + 999) / 1000);
                response.setHeader("Retry-After", Long.toString(seconds));
                refuse(response, 429, rejected.reason().name(), "the API key's rate limit is exhausted; retry after "
                        + seconds + " s");
            }
            default -> refuse(response, HttpServletResponse.SC_UNAUTHORIZED, rejected.reason().name(),
                    "the API key is not valid (" + rejected.reason().name().toLowerCase(Locale.ROOT) + ")");
        }
    }

    /** A request with a bearer token that is not an ORION key: the JWT's tenant, with the same 401/403 rules. */
    private void resolveByToken(TokenTenant token, HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (token instanceof TokenTenant.Refused refused) {
            LOG.debug("refused {} {}: {}", request.getMethod(), path(request), refused.reason());
            refuse(response, HttpServletResponse.SC_UNAUTHORIZED, refused.reason(), refused.message());
            return;
        }
        TokenTenant.Resolved resolved = (TokenTenant.Resolved) token;
        String scope = requiredScope(request);
        if (!resolved.grants(scope)) {
            refuse(response, HttpServletResponse.SC_FORBIDDEN, "MISSING_SCOPE", "the token does not grant the scope " + scope);
            return;
        }
        request.setAttribute(TenantRequests.TENANT_ATTRIBUTE, orion.tenant(resolved.tenant(), resolved.actor()));
        chain.doFilter(request, response);
    }

    /** @return the presented key: the {@code X-API-Key} header, else the {@code Authorization: Bearer} token */
    private static Optional<String> presentedKey(HttpServletRequest request) {
        String header = request.getHeader("X-API-Key");
        if (header != null && !header.isBlank()) {
            return Optional.of(header.strip());
        }
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            String key = authorization.substring(BEARER.length()).strip();
            return key.isEmpty() ? Optional.empty() : Optional.of(key);
        }
        return Optional.empty();
    }

    /** @return {@code <resource>:<read|write>}, the resource being the first segment after the base path */
    String requiredScope(HttpServletRequest request) {
        String rest = path(request).substring(basePath.length());
        String[] segments = rest.split("/");
        String resource = segments.length > 1 && !segments[1].isEmpty() ? segments[1].toLowerCase(Locale.ROOT) : "api";
        return resource + ":" + (READS.contains(request.getMethod()) ? "read" : "write");
    }

    private boolean within(String path) {
        return path.equals(basePath) || path.startsWith(basePath + "/");
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    private static void refuse(HttpServletResponse response, int status, String reason, String message) throws IOException {
        response.setStatus(status);
        if (status == HttpServletResponse.SC_UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        // the message is ORION's own text: it never echoes the presented key
        response.getWriter().write("{\"error\":\"" + message.replace("\"", "'") + "\",\"reason\":\"" + reason + "\"}");
    }
}
