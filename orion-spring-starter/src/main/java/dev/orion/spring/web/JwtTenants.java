package dev.orion.spring.web;

/**
 * The JWT tenant resolution of an OAuth2 resource server, as a bean: the tenant resolution filter uses it
 * when the context has one ({@code orion.web.jwt.enabled}, default true, and Spring Security's resource server
 * on the class path). Applications do not call it.
 */
public final class JwtTenants {

    private final TokenTenantResolver resolver;

    JwtTenants(TokenTenantResolver resolver) {
        this.resolver = resolver;
    }

    TokenTenantResolver resolver() {
        return resolver;
    }

    @Override
    public String toString() {
        return "JwtTenants[" + resolver.getClass().getSimpleName() + "]";
    }
}
