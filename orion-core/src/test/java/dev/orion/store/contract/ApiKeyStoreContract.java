package dev.orion.store.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orion.store.ApiKeyCheck;
import dev.orion.store.IssuedApiKey;
import dev.orion.store.NewApiKey;
import dev.orion.store.OrionStores;
import dev.orion.store.TenantStores;
import dev.orion.tenant.ApiKey;
import dev.orion.tenant.Principal;
import dev.orion.tenant.RateLimit;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The contract of {@link dev.orion.store.ApiKeyStore} and key authentication. */
public abstract class ApiKeyStoreContract extends ContractSupport {

    private static ApiKeyCheck.Reason reason(ApiKeyCheck c) {
        return ((ApiKeyCheck.Rejected) c).reason();
    }

    @Test
    void issuedKeyAuthenticatesOnceShownAndNeverStoredInClear() throws Exception {
        TenantStores t = newTenant();
        OrionStores stores = backend().stores();
        IssuedApiKey issued = t.apiKeys().issue(NewApiKey.of("ci", "jobs:read", "jobs:write"));
        assertThat(issued.secret()).startsWith("orion_" + t.tenant().value() + "_" + issued.key().id() + "_");
        assertThat(issued.secret().length()).isGreaterThanOrEqualTo(6 + t.tenant().value().length() + 1 + 12 + 1 + 43);
        assertThat(issued.toString()).doesNotContain(issued.secret().substring(issued.secret().length() - 43));
        ApiKeyCheck ok = stores.authenticate(issued.secret(), "jobs:write");
        assertThat(ok.accepted()).isTrue();
        assertThat(((ApiKeyCheck.Accepted) ok).principal()).isEqualTo(Principal.apiKey(issued.key().id()));
        assertThat(t.apiKeys().find(issued.key().id()).orElseThrow().lastUsedAt()).contains(Backends.T0);
        assertThat(reason(stores.authenticate(issued.secret(), "admin:all"))).isEqualTo(ApiKeyCheck.Reason.MISSING_SCOPE);
        String tampered = issued.secret().substring(0, issued.secret().length() - 1)
                + (issued.secret().endsWith("A") ? "B" : "A");
        assertThat(reason(stores.authenticate(tampered, "jobs:read"))).isEqualTo(ApiKeyCheck.Reason.INVALID);
        assertThat(reason(stores.authenticate("orion_nope", "jobs:read"))).isEqualTo(ApiKeyCheck.Reason.INVALID);
        assertThat(reason(stores.authenticate(issued.secret().replace("orion_" + t.tenant().value(), "orion_other-tenant"), "jobs:read")))
                .isEqualTo(ApiKeyCheck.Reason.INVALID);
        if (backend().rawSql().isPresent()) {
            try (var c = backend().rawSql().get().getConnection(); var s = c.createStatement()) {
                if (backend().name().equals("postgres")) {
                    s.execute("SELECT set_config('app.tenant_id', '" + t.tenant().value() + "', false)");
                }
                try (var rs = s.executeQuery("SELECT secret_hash, name FROM api_keys WHERE id = '" + issued.key().id() + "'")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).hasSize(64).doesNotContain(issued.secret().substring(issued.secret().length() - 43));
                }
            }
        }
    }

    @Test
    void revocationAndExpiryTakeEffectOnTheNextCall() {
        TenantStores t = newTenant();
        OrionStores stores = backend().stores();
        IssuedApiKey a = t.apiKeys().issue(NewApiKey.of("a", "*"));
        IssuedApiKey b = t.apiKeys().issue(NewApiKey.of("b", "*").expiringAt(Backends.T0.plusSeconds(60)));
        assertThat(stores.authenticate(a.secret(), "x:y").accepted()).isTrue();
        long audits = auditCount(t);
        assertThat(t.apiKeys().revoke(a.key().id())).isTrue();
        assertThat(t.apiKeys().revoke(a.key().id())).isFalse();
        assertThat(auditCount(t)).isEqualTo(audits + 1);
        assertThat(reason(stores.authenticate(a.secret(), "x:y"))).isEqualTo(ApiKeyCheck.Reason.REVOKED);
        assertThat(stores.authenticate(b.secret(), "x:y").accepted()).isTrue();
        clock().advance(Duration.ofSeconds(60));
        assertThat(reason(stores.authenticate(b.secret(), "x:y"))).isEqualTo(ApiKeyCheck.Reason.EXPIRED);
        assertThat(t.apiKeys().list()).extracting(ApiKey::name).containsExactly("a", "b");
    }

    @Test
    void perKeyRateLimitLivesInTheStore() {
        TenantStores t = newTenant();
        IssuedApiKey k = t.apiKeys().issue(NewApiKey.of("bot", "*").withRateLimit(new RateLimit(2, 1, Duration.ofSeconds(10))));
        assertThat(backend().stores().authenticate(k.secret(), "a:b").accepted()).isTrue();
        assertThat(backend().stores().authenticate(k.secret(), "a:b").accepted()).isTrue();
        ApiKeyCheck limited = backend().stores().authenticate(k.secret(), "a:b");
        assertThat(reason(limited)).isEqualTo(ApiKeyCheck.Reason.RATE_LIMITED);
        assertThat(((ApiKeyCheck.Rejected) limited).retryAfter()).isEqualTo(Duration.ofSeconds(10));
        clock().advance(Duration.ofSeconds(10));
        assertThat(backend().stores().authenticate(k.secret(), "a:b").accepted()).isTrue();
    }
}
