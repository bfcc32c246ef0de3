package dev.orion.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orion.tenant.Principal;
import dev.orion.tenant.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoreValuesTest {

    @Test
    void pageRequestBoundsAndCursor() {
        PageRequest p = PageRequest.first(10);
        assertThat(p.descending()).isFalse();
        assertThat(p.after("c").cursor()).contains("c");
        assertThat(p.newestFirst().descending()).isTrue();
        assertThatThrownBy(() -> PageRequest.first(0)).hasMessageContaining("page limit");
    }

    @Test
    void budgetWindowsAreUtcCalendarWindows() {
        Instant t = Instant.parse("2026-03-31T23:59:59Z");
        assertThat(BudgetPeriod.DAY.windowStart(t)).isEqualTo(Instant.parse("2026-03-31T00:00:00Z"));
        assertThat(BudgetPeriod.MONTH.resetsAt(t)).contains(Instant.parse("2026-04-01T00:00:00Z"));
        assertThat(BudgetPeriod.TOTAL.resetsAt(t)).isEmpty();
    }

    @Test
    void auditExportsEscapeAwkwardText() {
        AuditEvent e = new AuditEvent("1", TenantId.of("acme"), Principal.user("a,b"), "create", "job", "=cmd()",
                Instant.parse("2026-01-01T00:00:00Z"), Map.of("note", "say \"hi\"\n"));
        assertThat(e.toCsvRow()).isEqualTo("1,2026-01-01T00:00:00Z,acme,\"user:a,b\",create,job,'=cmd(),\"note=say \"\"hi\"\"\n\"");
        assertThat(e.toJson()).contains("\"details\":{\"note\":\"say \\\"hi\\\"\\n\"}");
    }

    @Test
    void backoffDoublesAndCaps() {
        assertThat(NewWorkItem.backoffAfter(1, Duration.ofSeconds(1))).isEqualTo(Duration.ofSeconds(1));
        assertThat(NewWorkItem.backoffAfter(4, Duration.ofSeconds(1))).isEqualTo(Duration.ofSeconds(8));
        assertThat(NewWorkItem.backoffAfter(40, Duration.ofSeconds(1))).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void cacheKeysMustBeSha256Hex() {
        assertThat(LlmCacheEntry.requireKey("a".repeat(64))).hasSize(64);
        assertThatThrownBy(() -> LlmCacheEntry.requireKey("A".repeat(64))).hasMessageContaining("SHA-256");
    }

    @Test
    void issuedKeyNeverPrintsItsSecret() {
        IssuedApiKey k = new IssuedApiKey(new dev.orion.tenant.ApiKey("id1", TenantId.of("acme"), "n",
                java.util.Set.of("*"), Principal.user("u"), Instant.EPOCH, java.util.Optional.empty(),
                java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty()), "orion_id1_SECRET");
        assertThat(k.toString()).doesNotContain("SECRET");
    }

    @Test
    void cacheGenerationsAddTheTenantsToEachProfilesAndRefuseNegativeCounts() {
        LlmCacheGenerations g = new LlmCacheGenerations(2, Map.of("fast", 3L));
        assertThat(g.of("fast")).isEqualTo(5);
        assertThat(g.of("never-invalidated")).isEqualTo(2);
        assertThat(LlmCacheGenerations.NONE.of("fast")).isZero();
        assertThatThrownBy(() -> new LlmCacheGenerations(-1, Map.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tenant generation").hasMessageContaining("-1");
        assertThatThrownBy(() -> new LlmCacheGenerations(0, Map.of("fast", -4L))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'fast'").hasMessageContaining("-4");
        java.util.Map<String, Long> mutable = new java.util.HashMap<>(Map.of("fast", 1L));
        LlmCacheGenerations copied = new LlmCacheGenerations(0, mutable);
        mutable.put("fast", 9L);
        assertThat(copied.of("fast")).as("a copy, not a view").isEqualTo(1);
        LlmCacheGenerations next = g.advanceProfile("fast").advanceProfile("smart").advanceTenant();
        assertThat(next).isEqualTo(new LlmCacheGenerations(3, Map.of("fast", 4L, "smart", 1L)));
        assertThat(g.of("fast")).as("advancing leaves the original").isEqualTo(5);
        assertThatThrownBy(() -> g.advanceProfile(" ")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("profile");
    }
}
