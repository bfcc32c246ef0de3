package dev.orion.llm.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orion.llm.LlmConfigurationException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every bad value of a profile file is an {@link LlmConfigurationException} naming its path and value, at load time. */
class ProfileYamlValuesTest {

    private static String profile(String field) {
        return "profiles:\n  advisor:\n    models: [fast]\n    " + field + "\n";
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "temperature: hot | profiles.advisor.temperature | hot",
            "temperature: 7 | profiles.advisor.temperature | 7",
            "maxTokens: 4294967297 | profiles.advisor.maxTokens | 4294967297",
            "maxTokens: 12.5 | profiles.advisor.maxTokens | 12.5",
            "maxTokens: many | profiles.advisor.maxTokens | many",
            "contextWindowFallback: perhaps | profiles.advisor.contextWindowFallback | perhaps",
            "maxCostPerRequest: cheap | profiles.advisor.maxCostPerRequest | cheap",
            "'rateLimits: [ { scope: tenant, requestsPerMinute: ''100/min'' } ]' | profiles.advisor.rateLimits[0].requestsPerMinute | 100/min",
            "'rateLimits: [ { scope: tenant, tokensPerMinute: 1e3 } ]' | profiles.advisor.rateLimits[0].tokensPerMinute | 1000.0",
            "'rateLimits: [ { scope: tenant, requestsPerMinuteX: 5 } ]' | profiles.advisor.rateLimits[0].requestsPerMinuteX | 5",
            "'rateLimits: [ { scope: galaxy, requestsPerMinute: 5 } ]' | profiles.advisor.rateLimits[0].scope | galaxy",
            "'budgets: [ { scope: tenant, period: day, limitUsd: lots } ]' | profiles.advisor.budgets[0].limitUsd | lots",
            "'budgets: [ { scope: tenant, period: fortnight, limitUsd: 1 } ]' | profiles.advisor.budgets[0].period | fortnight",
            "'cache: { ttl: 1000000d }' | profiles.advisor.cache.ttl | 1000000d",
            "'cache: { ttl: 1e300 }' | profiles.advisor.cache.ttl | 1.0E300",
            "'cache: { ttl: 5m, enabled: maybe }' | profiles.advisor.cache.enabled | maybe",
            "'retry: { maxRetries: three }' | profiles.advisor.retry.maxRetries | three",
            "'retry: { maxRetries: 2, backoff: 1s }' | profiles.advisor.retry.backoff | 1s",
            "'cooldown: { failures: 4294967301 }' | profiles.advisor.cooldown.failures | 4294967301",
    })
    void aBadValueIsATypedErrorNamingPathAndValue(String field, String path, String value) {
        assertThatThrownBy(() -> ProfileSet.fromYaml(profile(field)))
                .isInstanceOf(LlmConfigurationException.class)
                .hasMessageContaining(path)
                .hasMessageContaining(value);
    }

    @Test
    void aLongButRepresentableTtlLoadsAndIsUsable() {
        ProfileSet set = ProfileSet.fromYaml(profile("cache: { ttl: 3650d }"));
        assertThat(set.resolve("advisor", dev.orion.tenant.TenantId.of("acme"), java.util.Optional.empty()).orElseThrow().cache().ttl()).isEqualTo(Duration.ofDays(3650));
    }

    @Test
    void goodValuesStillLoad() {
        ProfileSet set = ProfileSet.fromYaml(profile("temperature: 0.7\n    maxTokens: 2048\n    "
                + "rateLimits: [ { scope: api-key, requestsPerMinute: 30, tokensPerMinute: 100000 } ]"));
        Profile p = set.resolve("advisor", dev.orion.tenant.TenantId.of("acme"), java.util.Optional.empty()).orElseThrow();
        assertThat(p.temperature()).hasValue(0.7);
        assertThat(p.maxTokens()).hasValue(2048);
        assertThat(p.rateLimits().get(0).requestsPerMinute()).isEqualTo(30);
    }
}
