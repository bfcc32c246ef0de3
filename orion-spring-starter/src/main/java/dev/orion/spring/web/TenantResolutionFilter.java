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
 * or {@code X-API-Key: <key>}), checked by {@link Orion#authenticate} against the key store with the scope
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

    private final Orion orion;
    private final String basePath;

    TenantResolutionFilter(Orion orion, String basePath) {
        this.orion = orion;
        this.basePath = basePath;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return "OPTIONS".equals(request.getMethod()) || !within(path(request));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> key = presentedKey(request);
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

    private static Optional<String> presentedKey(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            String key = authorization.substring(BEARER.length()).strip();
            return key.isEmpty() ? Optional.empty() : Optional.of(key);
        }
        String header = request.getHeader("X-API-Key");
        return header == null || header.isBlank() ? Optional.empty() : Optional.of(header.strip());
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
