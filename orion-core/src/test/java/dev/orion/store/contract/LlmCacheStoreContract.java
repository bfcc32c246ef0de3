package dev.orion.store.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orion.store.LlmCacheEntry;
import dev.orion.store.LlmCacheStore;
import dev.orion.store.TenantStores;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The contract of {@link dev.orion.store.LlmCacheStore}: put/get, expiry, audited invalidation. */
public abstract class LlmCacheStoreContract extends ContractSupport {

    static String key(int i) {
        byte[] b = new byte[32];
        b[0] = (byte) i;
        b[31] = (byte) (i >> 8);
        return HexFormat.of().formatHex(b);
    }

    private LlmCacheEntry entry(int i, String profile, Optional<Duration> ttl) {
        return new LlmCacheEntry(key(i), "{\"answer\":" + i + "}", profile, clock().instant(), ttl.map(d -> clock().instant().plus(d)));
    }

    @Test
    void putGetOverwriteAndExpire() {
        LlmCacheStore c = newTenant().llmCache();
        c.put(entry(1, "fast", Optional.of(Duration.ofMinutes(10))));
        assertThat(c.get(key(1)).orElseThrow().value()).isEqualTo("{\"answer\":1}");
        c.put(new LlmCacheEntry(key(1), "v2", "fast", clock().instant(), Optional.empty()));
        assertThat(c.get(key(1)).orElseThrow().value()).isEqualTo("v2");
        assertThat(c.get(key(1)).orElseThrow().expiresAt()).isEmpty();
        c.put(entry(2, "fast", Optional.of(Duration.ofMinutes(10))));
        clock().advance(Duration.ofMinutes(10));
        assertThat(c.get(key(2))).as("expired at exactly expiresAt").isEmpty();
        assertThat(c.get(key(1))).isPresent();
        assertThat(c.size()).isEqualTo(2);
        assertThat(c.purgeExpired()).isEqualTo(1);
        assertThat(c.size()).isEqualTo(1);
        assertThat(c.get(key(3))).isEmpty();
        assertThatThrownBy(() -> c.get("not-a-key")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void invalidationByKeyProfileAndAllIsAudited() {
        TenantStores t = newTenant();
        LlmCacheStore c = t.llmCache();
        for (int i = 0; i < 10; i++) {
            c.put(entry(i, i < 4 ? "fast" : "smart", Optional.empty()));
        }
        long before = auditCount(t);
        assertThat(c.invalidate(key(0))).isTrue();
        assertThat(c.invalidate(key(0))).isFalse();
        assertThat(c.invalidateProfile("fast")).isEqualTo(3);
        assertThat(c.get(key(1))).isEmpty();
        assertThat(c.get(key(5))).isPresent();
        assertThat(c.invalidateAll()).isEqualTo(6);
        assertThat(c.size()).isZero();
        assertThat(auditCount(t)).isEqualTo(before + 3);
    }
}
