package dev.orion.spring.web;

import dev.orion.tenant.Principal;
import dev.orion.tenant.TenantId;
import java.util.Set;

/** What a bearer token other than an ORION API key (a JWT) says about a request's tenant. */
sealed interface TokenTenant {

    /**
     * The token names a tenant.
     *
     * @param tenant the tenant of its tenant claim
     * @param actor  who acts (the token's subject, as a user)
     * @param scopes the scopes it grants ({@code structures:read}, {@code jobs:*}, {@code *})
     */
    record Resolved(TenantId tenant, Principal actor, Set<String> scopes) implements TokenTenant {
        public Resolved {
            scopes = Set.copyOf(scopes);
        }

        /** The same wildcard rules as an ORION API key's scopes. */
        boolean grants(String scope) {
            if (scopes.contains("*") || scopes.contains(scope)) {
                return true;
            }
            int colon = scope.indexOf(':');
            return colon > 0 && scopes.contains(scope.substring(0, colon) + ":*");
        }
    }

    /**
     * The token cannot be used: it was not accepted, or it names no valid tenant.
     *
     * @param reason  the refusal's reason code ({@code INVALID}, {@code MISSING_TENANT}, {@code INVALID_TENANT})
     * @param message what to tell the caller
     */
    record Refused(String reason, String message) implements TokenTenant {
    }
}
