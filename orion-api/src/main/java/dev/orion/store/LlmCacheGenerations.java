package dev.orion.store;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How many times a tenant's LLM cache has been invalidated: one counter for the whole tenant and one
 * per profile, each only ever growing. A router instance stamps the answers it keeps in memory with
 * {@link #of(String)} and stops serving one whose stamp is no longer current, so an invalidation made
 * through any instance reaches the memory of every instance sharing the store.
 *
 * @param tenant   invalidations of the whole tenant ({@link LlmCacheStore#invalidateAll()})
 * @param profiles invalidations per profile ({@link LlmCacheStore#invalidateProfile(String)}, and
 *                 {@link LlmCacheStore#invalidate(String)} of one of its entries); profiles never
 *                 invalidated are absent
 */
public record LlmCacheGenerations(long tenant, Map<String, Long> profiles) {

    /** A tenant whose cache was never invalidated. */
    public static final LlmCacheGenerations NONE = new LlmCacheGenerations(0, Map.of());

    /** Validates and copies. */
    public LlmCacheGenerations {
        if (tenant < 0) {
            throw new IllegalArgumentException("tenant generation must be at least 0, was " + tenant);
        }
        profiles = Map.copyOf(Objects.requireNonNull(profiles, "profiles"));
        profiles.forEach((profile, generation) -> {
            if (generation < 0) {
                throw new IllegalArgumentException("generation of profile '" + StoreArguments.abbreviate(profile)
                        + "' must be at least 0, was " + generation);
            }
        });
    }

    /**
     * The generation of one profile's entries: grows with every invalidation that covers them.
     *
     * @param profile the profile
     * @return the tenant's generation plus the profile's
     */
    public long of(String profile) {
        Objects.requireNonNull(profile, "profile");
        return tenant + profiles.getOrDefault(profile, 0L);
    }

    /** @return these counters after one more invalidation of the whole tenant */
    public LlmCacheGenerations advanceTenant() {
        return new LlmCacheGenerations(tenant + 1, profiles);
    }

    /**
     * @param profile the profile invalidated
     * @return these counters after one more invalidation of {@code profile}
     */
    public LlmCacheGenerations advanceProfile(String profile) {
        StoreArguments.text("profile", profile, 200);
        Map<String, Long> next = new HashMap<>(profiles);
        next.merge(profile, 1L, Long::sum);
        return new LlmCacheGenerations(tenant, next);
    }
}
