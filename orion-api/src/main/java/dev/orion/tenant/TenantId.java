package dev.orion.tenant;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Identifies a tenant: the unit of isolation for all stored data.
 *
 * <p>A tenant id is a slug: 1 to 63 characters of lower-case ASCII letters, digits and
 * hyphens, starting with a letter or digit, e.g. {@code TenantId.of("acme")}.
 *
 * @param value the slug
 */
public record TenantId(String value) implements Comparable<TenantId> {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    /**
     * The tenant under which ORION records what the administrative (cross-tenant) view did.
     * Applications cannot open a tenant view on it.
     */
    public static final TenantId ADMIN = new TenantId("orion-admin");

    /**
     * Validates the slug.
     *
     * @param value the slug
     */
    public TenantId {
        Objects.requireNonNull(value, "tenant id value");
        if (!SLUG.matcher(value).matches()) {
            throw new IllegalArgumentException("tenant id must be a slug of 1-63 characters [a-z0-9-] "
                    + "starting with a letter or digit, got '" + value + "'");
        }
    }

    /**
     * Returns the tenant id for a slug.
     *
     * @param value the slug, e.g. {@code "acme"}
     * @return the tenant id
     */
    public static TenantId of(String value) {
        return new TenantId(value);
    }

    /** @return whether this is the reserved {@link #ADMIN} tenant */
    public boolean isAdmin() {
        return equals(ADMIN);
    }

    @Override
    public int compareTo(TenantId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
