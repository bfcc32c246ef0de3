package dev.orion.store;

import dev.orion.tenant.ApiKey;
import java.util.Objects;

/**
 * A freshly issued key: its metadata and the secret key text, which is returned only here, once.
 * {@link #toString()} never shows the secret.
 *
 * @param key    the stored metadata
 * @param secret the full key text to hand to the client ({@code orion_<id>_<secret>})
 */
public record IssuedApiKey(ApiKey key, String secret) {

    /** Validates. */
    public IssuedApiKey {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(secret, "secret");
    }

    @Override
    public String toString() {
        return "IssuedApiKey[key=" + key + ", secret=<redacted>]";
    }
}
