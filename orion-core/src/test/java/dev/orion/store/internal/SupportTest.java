package dev.orion.store.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orion.store.RateDecision;
import dev.orion.tenant.RateLimit;
import dev.orion.tenant.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SupportTest {

    @Test
    void apiKeysCarry256RandomBitsAndParseBack() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            ApiKeyFormat.Parsed k = ApiKeyFormat.generate(TenantId.of("acme-2"));
            assertThat(seen.add(k.text())).isTrue();
            assertThat(ApiKeyFormat.parse(k.text())).contains(k);
            assertThat(k.text()).startsWith("orion_acme-2_" + k.id() + "_");
            assertThat(k.text().substring(k.text().lastIndexOf(k.id()) + 13)).hasSize(43); // 32 bytes base64url
            assertThat(k.toString()).doesNotContain(k.text());
            assertThat(ApiKeyFormat.matches(ApiKeyFormat.hash(k.text()), k.text())).isTrue();
            assertThat(ApiKeyFormat.matches(ApiKeyFormat.hash(k.text()), k.text() + "x")).isFalse();
        }
        assertThat(ApiKeyFormat.parse("sk-123")).isEmpty();
        assertThat(ApiKeyFormat.parse(null)).isEmpty();
    }

    @Test
    void tenantViewsNeverAcceptTheAdminTenantsKeys() {
        ApiKeyFormat.Parsed admin = ApiKeyFormat.generate(TenantId.ADMIN);
        ApiKeyFormat.Parsed acme = ApiKeyFormat.generate(TenantId.of("acme"));
        assertThat(ApiKeyFormat.parse(admin.text())).contains(admin);
        assertThat(ApiKeyChecks.tenantKey(admin.text())).isEmpty();
        assertThat(ApiKeyChecks.tenantKey(acme.text())).contains(acme);
        assertThat(ApiKeyChecks.tenantKey(null)).isEmpty();
    }

    @Test
    void tokenBucketNeverGrantsMoreThanCapacityPlusRefill() {
        Random rnd = new Random(3);
        RateLimit limit = new RateLimit(10, 5, Duration.ofSeconds(1));
        Instant t = Instant.EPOCH;
        TokenBucket b = TokenBucket.full(limit, t);
        long granted = 0;
        for (int i = 0; i < 5000; i++) {
            t = t.plusMillis(rnd.nextInt(50));
            TokenBucket.Result r = b.acquire(limit, 1 + rnd.nextInt(3), t);
            b = r.state();
            RateDecision d = r.decision();
            if (d.allowed()) {
                granted += 1;
            } else {
                assertThat(d.retryAfter()).isPositive();
            }
        }
        double seconds = Duration.between(Instant.EPOCH, t).toMillis() / 1000.0;
        assertThat(granted).isLessThanOrEqualTo((long) (10 + 5 * seconds));
        assertThatThrownBy(() -> TokenBucket.full(limit, Instant.EPOCH).acquire(limit, 11, Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void cursorsRoundTripAndRejectForgeries() {
        assertThat(Cursors.decode(Cursors.encode(123456789L))).isEqualTo(123456789L);
        assertThatThrownBy(() -> Cursors.decode("bm90LWEtY3Vyc29y")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Cursors.decode("%%%")).isInstanceOf(IllegalArgumentException.class);
    }
}
