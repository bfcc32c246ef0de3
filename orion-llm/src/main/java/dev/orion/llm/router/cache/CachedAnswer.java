package dev.orion.llm.router.cache;

import dev.orion.llm.ChatResponse;
import dev.orion.tenant.TenantId;
import java.time.Instant;
import java.util.Objects;

/**
 * One cached answer with what invalidation needs to know.
 *
 * @param key       the cache key
 * @param tenant    the tenant it belongs to
 * @param profile   the profile that produced it
 * @param response  the answer as first returned (usage and cost of the original call)
 * @param createdAt when it was stored
 * @param expiresAt when it stops being served
 */
public record CachedAnswer(String key, TenantId tenant, String profile, ChatResponse response, Instant createdAt,
                           Instant expiresAt) {

    /** Validates the entry. */
    public CachedAnswer {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(response, "response");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** Whether the entry is no longer served at {@code now}. @param now the time */
    public boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
