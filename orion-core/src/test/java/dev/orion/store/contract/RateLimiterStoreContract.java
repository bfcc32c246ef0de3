package dev.orion.store.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orion.store.RateDecision;
import dev.orion.store.RateLimiterStore;
import dev.orion.tenant.RateLimit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The contract of {@link dev.orion.store.RateLimiterStore}: token buckets shared by callers. */
public abstract class RateLimiterStoreContract extends ContractSupport {

    @Test
    void tokenBucketRefillsWithTheClock() {
        RateLimiterStore r = newTenant().rateLimits();
        RateLimit limit = new RateLimit(3, 1, Duration.ofSeconds(2));
        for (int i = 0; i < 3; i++) {
            assertThat(r.tryAcquire("llm:fast", limit, 1).allowed()).isTrue();
        }
        RateDecision refused = r.tryAcquire("llm:fast", limit, 1);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(2));
        assertThat(r.tryAcquire("llm:other", limit, 2).allowed()).as("buckets are independent").isTrue();
        clock().advance(Duration.ofSeconds(2));
        assertThat(r.tryAcquire("llm:fast", limit, 1).allowed()).isTrue();
        assertThat(r.tryAcquire("llm:fast", limit, 1).allowed()).isFalse();
        r.reset("llm:fast");
        assertThat(r.tryAcquire("llm:fast", limit, 3).remaining()).isZero();
    }

    @Test
    void concurrentCallersShareOneBucket() throws Exception {
        var t = newTenant();
        RateLimit limit = RateLimit.perMinute(25);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Boolean>> tasks = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                tasks.add(() -> backend().stores().tenant(t.tenant(), t.actor()).rateLimits().tryAcquire("shared", limit, 1).allowed());
            }
            int allowed = 0;
            for (Future<Boolean> f : pool.invokeAll(tasks)) {
                allowed += f.get() ? 1 : 0;
            }
            assertThat(allowed).isEqualTo(25);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void resetIsAuditedAndApiKeyBucketsAreOutOfReach() {
        var t = newTenant();
        RateLimiterStore r = t.rateLimits();
        RateLimit limit = RateLimit.perMinute(1);
        assertThat(r.tryAcquire("llm:x", limit, 1).allowed()).isTrue();
        r.reset("llm:x");
        assertThat(t.audit().query(dev.orion.store.AuditFilter.all().withResource("rate-limit", "llm:x"),
                dev.orion.store.PageRequest.first(5)).items()).extracting(e -> e.action()).containsExactly("reset");
        long events = auditCount(t);
        var key = t.apiKeys().issue(dev.orion.store.NewApiKey.of("k", "jobs:read").withRateLimit(limit));
        String bucket = "api-key:" + key.key().id();
        assertThatThrownBy(() -> r.reset(bucket)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(bucket);
        assertThatThrownBy(() -> r.tryAcquire(bucket, RateLimit.perMinute(1000), 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(bucket);
        assertThat(auditCount(t)).as("only the issue was audited").isEqualTo(events + 1);
    }
}
