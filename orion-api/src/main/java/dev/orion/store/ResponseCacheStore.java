package dev.orion.store;

import java.time.Instant;
import java.util.Optional;

/**
 * A persistent cache of answers from external services (for example the Materials Project client's
 * pages), for one tenant. It outlives the process: a new client instance, with an empty memory cache,
 * answers a repeated query from here without a request. Entries are cache data; their writes are not
 * audited.
 *
 * <p>Keys are chosen by the caller (1-{@value #MAX_KEY_LENGTH} characters, typically a namespace and a
 * hash of the request, never a secret); bodies are the answers as text. An entry is served until its
 * expiry instant, exclusive.
 */
public interface ResponseCacheStore {

    /** The longest key, in characters. */
    int MAX_KEY_LENGTH = 200;

    /**
     * Stores an answer, replacing any entry with the same key.
     *
     * @param key       the key
     * @param body      the answer
     * @param expiresAt when the entry stops being served
     * @throws IllegalArgumentException if the key is blank or too long
     * @throws NullPointerException     if an argument is null
     */
    void put(String key, String body, Instant expiresAt);

    /**
     * @param key the key
     * @return the answer, empty when absent or expired (at or after its expiry instant)
     * @throws IllegalArgumentException if the key is blank or too long
     */
    Optional<String> get(String key);

    /** @return how many expired entries were removed (housekeeping) */
    long purgeExpired();

    /** @return how many entries (expired or not) are stored */
    long size();
}
