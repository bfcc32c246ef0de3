package dev.orion.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TenantTypesTest {

    @Test
    void tenantIdAcceptsSlugsAndRejectsEverythingElse() {
        assertThat(TenantId.of("acme").value()).isEqualTo("acme");
        assertThat(TenantId.of("a-1").toString()).isEqualTo("a-1");
        for (String bad : new String[] {"", "-acme", "Acme", "acme_1", "a b", "x".repeat(64), "acme'--"}) {
            assertThatThrownBy(() -> TenantId.of(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("tenant id");
        }
        assertThat(TenantId.ADMIN.isAdmin()).isTrue();
    }

    @Test
    void principalRoundTripsThroughText() {
        for (Principal p : new Principal[] {Principal.user("alice"), Principal.apiKey("k123"), Principal.system("queue")}) {
            assertThat(Principal.parse(p.toString())).isEqualTo(p);
        }
        assertThatThrownBy(() -> Principal.user("bad\nname")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Principal.parse("robot:x")).hasMessageContaining("robot");
    }

    @Test
    void apiKeyActivityAndScopes() {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        ApiKey key = new ApiKey("k1", TenantId.of("acme"), "ci", Set.of("jobs:read"), Principal.user("bob"), t,
                Optional.of(t.plusSeconds(60)), Optional.empty(), Optional.empty(), Optional.empty());
        assertThat(key.isActiveAt(t.plusSeconds(59))).isTrue();
        assertThat(key.isActiveAt(t.plusSeconds(60))).isFalse();
        assertThat(key.grants("jobs:read")).isTrue();
        assertThat(key.grants("jobs:write")).isFalse();
        assertThat(key.toString()).contains("redacted");
    }

    @Test
    void rateLimitValidates() {
        assertThat(RateLimit.perSecond(10).tokensPerSecond()).isEqualTo(10.0);
        assertThatThrownBy(() -> RateLimit.perMinute(0)).hasMessageContaining("capacity");
    }
}
