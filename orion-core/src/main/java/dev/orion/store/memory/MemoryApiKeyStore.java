package dev.orion.store.memory;

import dev.orion.store.ApiKeyStore;
import dev.orion.store.IssuedApiKey;
import dev.orion.store.NewApiKey;
import dev.orion.store.internal.ApiKeyFormat;
import dev.orion.tenant.ApiKey;
import dev.orion.tenant.Principal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

final class MemoryApiKeyStore implements ApiKeyStore {

    private static final String TYPE = "api-key";
    private final MemoryTenant t;
    private final Principal actor;

    MemoryApiKeyStore(MemoryTenant t, Principal actor) {
        this.t = t;
        this.actor = actor;
    }

    @Override
    public IssuedApiKey issue(NewApiKey k) {
        Objects.requireNonNull(k, "key");
        ApiKeyFormat.Parsed generated = ApiKeyFormat.generate(t.tenant);
        synchronized (t) {
            ApiKey key = new ApiKey(generated.id(), t.tenant, k.name(), k.scopes(), actor, t.clock.instant(),
                    k.expiresAt(), Optional.empty(), Optional.empty(), k.rateLimit());
            t.apiKeys.put(key.id(), key);
            t.apiKeyHashes.put(key.id(), ApiKeyFormat.hash(generated.text()));
            t.audit(actor, "issue", TYPE, key.id(), Map.of("name", key.name(), "scopes", String.join(",", new java.util.TreeSet<>(key.scopes()))));
            return new IssuedApiKey(key, generated.text());
        }
    }

    @Override
    public Optional<ApiKey> find(String id) {
        synchronized (t) {
            return Optional.ofNullable(t.apiKeys.get(id));
        }
    }

    @Override
    public List<ApiKey> list() {
        synchronized (t) {
            return List.copyOf(t.apiKeys.values());
        }
    }

    @Override
    public boolean revoke(String id) {
        synchronized (t) {
            ApiKey k = t.apiKeys.get(id);
            if (k == null || k.revokedAt().isPresent()) {
                return false;
            }
            t.apiKeys.put(id, new ApiKey(k.id(), k.tenant(), k.name(), k.scopes(), k.createdBy(), k.createdAt(),
                    k.expiresAt(), Optional.of(t.clock.instant()), k.lastUsedAt(), k.rateLimit()));
            t.audit(actor, "revoke", TYPE, id, Map.of());
            return true;
        }
    }
}
