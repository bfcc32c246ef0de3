package dev.orion.spring.web;

import jakarta.servlet.http.HttpServletRequest;

/** Reads the tenant of a request that presents a bearer token other than an ORION API key. */
@FunctionalInterface
interface TokenTenantResolver {

    /**
     * @param request a request whose {@code Authorization: Bearer} token is not an ORION API key
     * @return the tenant it names, or why it cannot be used
     */
    TokenTenant resolve(HttpServletRequest request);
}
