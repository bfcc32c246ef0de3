package dev.orion.tenant;

import java.util.Objects;

/**
 * The actor behind an operation: a person, an API key or ORION itself. Every audit event names one.
 *
 * @param kind what sort of actor this is
 * @param name the user name, the API key id or the system component, never a secret
 */
public record Principal(Kind kind, String name) {

    /** The sorts of actor. */
    public enum Kind {
        /** A person, identified by the host application's user name. */
        USER,
        /** A machine client, identified by the id of its {@link ApiKey}. */
        API_KEY,
        /** ORION or the host application acting on its own (schedulers, workers, migrations). */
        SYSTEM
    }

    /**
     * Validates the principal.
     *
     * @param kind the kind
     * @param name the name, 1 to 200 characters without control characters
     */
    public Principal {
        Objects.requireNonNull(kind, "principal kind");
        Objects.requireNonNull(name, "principal name");
        if (name.isBlank() || name.length() > 200 || name.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("principal name must be 1-200 printable characters, got '"
                    + name.replaceAll("\\p{Cntrl}", "?") + "'");
        }
    }

    /**
     * @param name the user name
     * @return a user principal
     */
    public static Principal user(String name) {
        return new Principal(Kind.USER, name);
    }

    /**
     * @param keyId the id of the API key (not the secret)
     * @return an API-key principal
     */
    public static Principal apiKey(String keyId) {
        return new Principal(Kind.API_KEY, keyId);
    }

    /**
     * @param component the component acting, e.g. {@code "work-queue"}
     * @return a system principal
     */
    public static Principal system(String component) {
        return new Principal(Kind.SYSTEM, component);
    }

    /**
     * Parses the form written by {@link #toString()}, e.g. {@code "user:alice"}.
     *
     * @param text the text
     * @return the principal
     */
    public static Principal parse(String text) {
        Objects.requireNonNull(text, "principal text");
        int colon = text.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("principal must look like 'user:alice', got '" + text + "'");
        }
        String kind = text.substring(0, colon);
        String name = text.substring(colon + 1);
        switch (kind) {
            case "user": return user(name);
            case "api-key": return apiKey(name);
            case "system": return system(name);
            default: throw new IllegalArgumentException("unknown principal kind '" + kind + "' in '" + text + "'");
        }
    }

    @Override
    public String toString() {
        String prefix = kind == Kind.USER ? "user" : kind == Kind.API_KEY ? "api-key" : "system";
        return prefix + ":" + name;
    }
}
