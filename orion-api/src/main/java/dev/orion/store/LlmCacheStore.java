package dev.orion.store;

import java.util.Optional;

/**
 * The system of record behind the router's response cache, for one tenant (a Caffeine cache may sit
 * in front of it). Entries are cache data and their changes are not audited, except invalidations,
 * which are deliberate operator actions.
 */
public interface LlmCacheStore {

    /**
     * @param key the hex SHA-256 key
     * @return the entry, empty when absent or expired
     */
    Optional<LlmCacheEntry> get(String key);

    /** @param entry the entry to store, replacing any entry with the same key */
    void put(LlmCacheEntry entry);

    /** @param key the key  @return whether an entry was removed (audited when true) */
    boolean invalidate(String key);

    /** @param profile the profile  @return how many entries were removed (one audit event) */
    long invalidateProfile(String profile);

    /** @return how many entries were removed (one audit event) */
    long invalidateAll();

    /** @return how many expired entries were removed (housekeeping, not audited) */
    long purgeExpired();

    /** @return how many entries (expired or not) are stored */
    long size();
}
