package dev.orion.store;

import java.util.Optional;

/**
 * The system of record behind the router's response cache, for one tenant (a Caffeine cache may sit
 * in front of it). Entries are cache data and their changes are not audited, except invalidations,
 * which are deliberate operator actions.
 *
 * <p>Every invalidation also advances the tenant's {@link #generations()} in the same transaction as
 * the removal, so the memory layers of other instances on the same store can tell that answers they
 * hold were invalidated.
 */
public interface LlmCacheStore {

    /**
     * @param key the hex SHA-256 key
     * @return the entry, empty when absent or expired
     */
    Optional<LlmCacheEntry> get(String key);

    /** @param entry the entry to store, replacing any entry with the same key */
    void put(LlmCacheEntry entry);

    /** @param key the key  @return whether an entry was removed (audited, and its profile's generation advanced, when true) */
    boolean invalidate(String key);

    /** @param profile the profile  @return how many entries were removed (one audit event; the profile's generation advances) */
    long invalidateProfile(String profile);

    /** @return how many entries were removed (one audit event; the tenant's generation advances) */
    long invalidateAll();

    /** @return the invalidation counters of this tenant's cache ({@link LlmCacheGenerations#NONE} if never invalidated) */
    LlmCacheGenerations generations();

    /** @return how many expired entries were removed (housekeeping, not audited, generations unchanged) */
    long purgeExpired();

    /** @return how many entries (expired or not) are stored */
    long size();
}
