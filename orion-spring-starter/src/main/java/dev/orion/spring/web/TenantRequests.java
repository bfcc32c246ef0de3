package dev.orion.spring.web;

import dev.orion.core.OrionTenant;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * The tenant a web request was resolved to. Handlers can also declare an {@code OrionTenant} parameter,
 * which ORION fills in the same way.
 */
public final class TenantRequests {

    /** The request attribute that holds the request's {@link OrionTenant}. */
    public static final String TENANT_ATTRIBUTE = TenantRequests.class.getName() + ".tenant";

    private TenantRequests() {
    }

    /**
     * @param request a request
     * @return the tenant view of the request's API key, acting as that key; empty for a request that was not
     *         resolved (outside {@code orion.web.base-path}, or an {@code OPTIONS} request)
     */
    public static Optional<OrionTenant> tenant(HttpServletRequest request) {
        return request.getAttribute(TENANT_ATTRIBUTE) instanceof OrionTenant t ? Optional.of(t) : Optional.empty();
    }
}
