package dev.orion.tenant;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The stored description of an API key: everything except the secret, which ORION shows once
 * when the key is issued and afterwards keeps only as a hash.
 *
 * @param id         the key id, also the public prefix of the key text (e.g. {@code "k7QX2mP9"})
 * @param tenant     the tenant the key acts for
 * @param name       a label chosen by whoever issued it
 * @param scopes     the scopes granted (e.g. {@code "structures:read"}); {@code "structures:*"} grants every
 *                   verb of one resource, {@code "*"} grants all
 * @param createdBy  who issued it
 * @param createdAt  when it was issued
 * @param expiresAt  when it stops working, if ever
 * @param revokedAt  when it was revoked, if it was
 * @param lastUsedAt when it last authenticated a call, if ever; rewritten at most once a minute, so it
 *                   may be up to a minute older than the latest call
 * @param rateLimit  the per-key request rate limit, if any
 */
public record ApiKey(String id, TenantId tenant, String name, Set<String> scopes, Principal createdBy,
                     Instant createdAt, Optional<Instant> expiresAt, Optional<Instant> revokedAt,
                     Optional<Instant> lastUsedAt, Optional<RateLimit> rateLimit) {

    /**
     * Validates and copies.
     */
    public ApiKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(name, "name");
        scopes = Set.copyOf(Objects.requireNonNull(scopes, "scopes"));
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(revokedAt, "revokedAt");
        Objects.requireNonNull(lastUsedAt, "lastUsedAt");
        Objects.requireNonNull(rateLimit, "rateLimit");
    }

    /**
     * @param now the current time
     * @return whether the key is neither revoked nor expired at {@code now}
     */
    public boolean isActiveAt(Instant now) {
        return revokedAt.isEmpty() && expiresAt.map(now::isBefore).orElse(true);
    }

    /**
     * @param scope a scope such as {@code "jobs:write"}
     * @return whether this key grants it: directly, through its resource's wildcard ({@code "jobs:*"}),
     *         or through {@code "*"}
     */
    public boolean grants(String scope) {
        if (scopes.contains("*") || scopes.contains(scope)) {
            return true;
        }
        int colon = scope.indexOf(':');
        return colon > 0 && scopes.contains(scope.substring(0, colon) + ":*");
    }

    @Override
    public String toString() {
        return "ApiKey[id=" + id + ", tenant=" + tenant + ", name=" + name + ", scopes=" + scopes
                + ", secret=<redacted>]";
    }
}
