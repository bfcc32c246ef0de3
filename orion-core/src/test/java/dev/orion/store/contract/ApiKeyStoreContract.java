package dev.orion.store.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orion.store.ApiKeyCheck;
import dev.orion.store.AuditFilter;
import dev.orion.store.PageRequest;
import dev.orion.store.internal.ApiKeyChecks;
import dev.orion.store.IssuedApiKey;
import dev.orion.store.NewApiKey;
import dev.orion.store.OrionStores;
import dev.orion.store.TenantStores;
import dev.orion.tenant.ApiKey;
import dev.orion.tenant.Principal;
import dev.orion.tenant.RateLimit;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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

    @Test
    void aRefillPeriodThatMillisecondsCannotHoldIsRefusedAtIssue() {
        TenantStores t = newTenant();
        for (Duration bad : List.of(Duration.ofNanos(500_000), Duration.ofNanos(1_500_000))) {
            assertThatThrownBy(() -> t.apiKeys().issue(NewApiKey.of("k", "*").withRateLimit(new RateLimit(5, 1, bad))))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("refillPeriod").hasMessageContaining(bad.toString());
        }
        IssuedApiKey fast = t.apiKeys().issue(NewApiKey.of("fast", "*").withRateLimit(new RateLimit(5, 1, Duration.ofMillis(1))));
        assertThat(t.apiKeys().list()).extracting(ApiKey::name).containsExactly("fast");
        assertThat(backend().stores().authenticate(fast.secret(), "jobs:read").accepted()).isTrue();
    }

    @Test
    void aResourceWildcardGrantsEveryVerbOfThatResourceOnly() {
        TenantStores t = newTenant();
        IssuedApiKey k = t.apiKeys().issue(NewApiKey.of("jobs", "jobs:*"));
        assertThat(backend().stores().authenticate(k.secret(), "jobs:write").accepted()).isTrue();
        assertThat(backend().stores().authenticate(k.secret(), "jobs:read").accepted()).isTrue();
        assertThat(reason(backend().stores().authenticate(k.secret(), "structures:read"))).isEqualTo(ApiKeyCheck.Reason.MISSING_SCOPE);
        for (String bad : List.of("jobs:*x", "*:read", "jobs", "jobs:read:all", "Jobs:read")) {
            assertThatThrownBy(() -> NewApiKey.of("k", bad)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(bad);
        }
    }

    @Test
    void authenticationTakesNoLockOnTheKeyAndRecordsUseAtMostEveryMinute() throws Exception {
        TenantStores t = newTenant();
        IssuedApiKey k = t.apiKeys().issue(NewApiKey.of("k", "*"));
        assertThat(backend().stores().authenticate(k.secret(), "a:b").accepted()).isTrue();
        clock().advance(Duration.ofSeconds(59));
        assertThat(backend().stores().authenticate(k.secret(), "a:b").accepted()).isTrue();
        assertThat(t.apiKeys().find(k.key().id()).orElseThrow().lastUsedAt()).as("not rewritten within a minute").contains(Backends.T0);
        if (backend().rawSql().isPresent()) {
            try (var c = backend().rawSql().get().getConnection()) {
                c.setAutoCommit(false);
                try (var s = c.createStatement()) {
                    if (backend().name().equals("postgres")) {
                        s.execute("SELECT set_config('app.tenant_id', '" + t.tenant().value() + "', true)");
                    }
                    s.executeQuery("SELECT id FROM api_keys WHERE tenant_id = '" + t.tenant().value() + "' FOR UPDATE").close();
                    ExecutorService other = Executors.newSingleThreadExecutor();
                    try {
                        Future<ApiKeyCheck> check = other.submit(() -> backend().stores().authenticate(k.secret(), "a:b"));
                        assertThat(check.get(10, TimeUnit.SECONDS).accepted()).as("a locked key row does not block checks").isTrue();
                    } finally {
                        c.rollback();
                        other.shutdownNow();
                    }
                }
            }
        }
        clock().advance(Duration.ofSeconds(1));
        assertThat(backend().stores().authenticate(k.secret(), "a:b").accepted()).isTrue();
        assertThat(t.apiKeys().find(k.key().id()).orElseThrow().lastUsedAt()).contains(Backends.T0.plusSeconds(60));
    }

    @Test
    void failedAttemptsAreAuditedAndLimitedPerKeyWithoutLockingTheOwnerOut() {
        TenantStores t = newTenant();
        OrionStores stores = backend().stores();
        IssuedApiKey k = t.apiKeys().issue(NewApiKey.of("k", "jobs:read"));
        String wrong = k.secret().substring(0, k.secret().length() - 1) + (k.secret().endsWith("A") ? "B" : "A");
        AuditFilter failures = AuditFilter.all().withAction("authenticate-failed");
        int limit = (int) ApiKeyChecks.FAILURE_LIMIT.capacity();
        for (int i = 0; i < limit; i++) {
            assertThat(reason(stores.authenticate(wrong, "jobs:read"))).isEqualTo(ApiKeyCheck.Reason.INVALID);
        }
        assertThat(reason(stores.authenticate(k.secret(), "jobs:write"))).as("a wrong scope is a failure too")
                .isEqualTo(ApiKeyCheck.Reason.RATE_LIMITED);
        ApiKeyCheck limited = stores.authenticate(wrong, "jobs:read");
        assertThat(reason(limited)).isEqualTo(ApiKeyCheck.Reason.RATE_LIMITED);
        assertThat(((ApiKeyCheck.Rejected) limited).retryAfter()).isPositive();
        assertThat(t.audit().count(failures)).as("failures beyond the limit are not audited one by one").isEqualTo(limit);
        assertThat(t.audit().query(failures, PageRequest.first(1)).items().get(0))
                .satisfies(e -> assertThat(e.resourceId()).isEqualTo(k.key().id()))
                .satisfies(e -> assertThat(e.details()).containsEntry("reason", "INVALID"));
        assertThat(stores.authenticate(k.secret(), "jobs:read").accepted()).as("the owner is not locked out").isTrue();
        clock().advance(ApiKeyChecks.FAILURE_LIMIT.refillPeriod());
        assertThat(reason(stores.authenticate(wrong, "jobs:read"))).isEqualTo(ApiKeyCheck.Reason.INVALID);
        assertThat(t.audit().count(failures)).isEqualTo(limit + 1);
        String unknownId = k.secret().replace("_" + k.key().id() + "_", "_ZZZZZZZZZZZZ_");
        assertThat(reason(stores.authenticate(unknownId, "jobs:read"))).isEqualTo(ApiKeyCheck.Reason.INVALID);
        assertThat(t.audit().count(failures.withResource("api-key", "ZZZZZZZZZZZZ"))).isEqualTo(1);
    }
}
