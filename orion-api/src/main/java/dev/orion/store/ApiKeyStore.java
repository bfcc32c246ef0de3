package dev.orion.store;

import dev.orion.tenant.ApiKey;
import java.util.List;
import java.util.Optional;

/**
 * API keys of one tenant. Only a hash of each secret is stored; the key text is shown once by
 * {@link #issue}. Keys are checked with {@link OrionStores#authenticate}. Issue and revoke are
 * audited with resource type {@code "api-key"}.
 */
public interface ApiKeyStore {

    /** @param key what to issue  @return the metadata and the one-time key text */
    IssuedApiKey issue(NewApiKey key);

    /** @param id the key id  @return its metadata, if this tenant has it */
    Optional<ApiKey> find(String id);

    /** @return all keys of this tenant, oldest first */
    List<ApiKey> list();

    /**
     * Revokes a key; the next call presenting it is refused.
     *
     * @param id the key id
     * @return false if there is no such key or it was already revoked
     */
    boolean revoke(String id);
}
