package dev.orion.store.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orion.store.ResponseCacheStore;
import dev.orion.store.TenantStores;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The contract of {@link ResponseCacheStore}: put/get/overwrite, expiry at the instant, purge, tenant isolation. */
public abstract class ResponseCacheStoreContract extends ContractSupport {

    private Instant in(Duration d) {
        return clock().instant().plus(d);
    }

    @Test
    void putGetOverwriteExpireAndPurge() {
        ResponseCacheStore c = newTenant().responseCache();
        String longKey = "mp:" + "a".repeat(ResponseCacheStore.MAX_KEY_LENGTH - 3);
        c.put(longKey, "{\"data\":[1]}", in(Duration.ofMinutes(10)));
        assertThat(c.get(longKey)).contains("{\"data\":[1]}");
        c.put(longKey, "{\"data\":[2]}", in(Duration.ofMinutes(30)));
        assertThat(c.get(longKey)).as("overwritten, with the new expiry").contains("{\"data\":[2]}");
        c.put("short", "x".repeat(100_000), in(Duration.ofMinutes(10)));
        assertThat(c.get("short").orElseThrow()).hasSize(100_000);
        assertThat(c.get("absent")).isEmpty();

        clock().advance(Duration.ofMinutes(10));
        assertThat(c.get("short")).as("expired at exactly expiresAt").isEmpty();
        assertThat(c.get(longKey)).isPresent();
        assertThat(c.size()).isEqualTo(2);
        assertThat(c.purgeExpired()).isEqualTo(1);
        assertThat(c.size()).isEqualTo(1);
        c.put("short", "again", in(Duration.ofMinutes(1)));
        assertThat(c.get("short")).as("an expired key can be written again").contains("again");
    }

    @Test
    void rejectsBadKeysAndNulls() {
        ResponseCacheStore c = newTenant().responseCache();
        assertThatThrownBy(() -> c.put(" ", "b", in(Duration.ofMinutes(1)))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("key");
        assertThatThrownBy(() -> c.get("k".repeat(ResponseCacheStore.MAX_KEY_LENGTH + 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("key");
        assertThatThrownBy(() -> c.put("k", null, in(Duration.ofMinutes(1)))).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> c.put("k", "b", null)).isInstanceOf(NullPointerException.class);
        assertThat(c.size()).isZero();
    }

    @Test
    void tenantsDoNotSeeEachOthersEntries() {
        TenantStores a = newTenant();
        TenantStores b = newTenant();
        a.responseCache().put("same-key", "for a", in(Duration.ofMinutes(10)));
        assertThat(b.responseCache().get("same-key")).isEmpty();
        assertThat(b.responseCache().size()).isZero();
        b.responseCache().put("same-key", "for b", in(Duration.ofMinutes(5)));
        assertThat(a.responseCache().get("same-key")).contains("for a");
        assertThat(b.responseCache().get("same-key")).contains("for b");

        clock().advance(Duration.ofMinutes(6));
        assertThat(b.responseCache().purgeExpired()).isEqualTo(1);
        assertThat(a.responseCache().get("same-key")).as("b's purge leaves a's entry").contains("for a");
        assertThat(a.responseCache().size()).isEqualTo(1);
    }
}
