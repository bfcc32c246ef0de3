package dev.orion.samples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orion.store.NewApiKey;
import dev.orion.tenant.RateLimit;
import dev.orion.tenant.TenantId;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Every endpoint refuses a request without a valid key (401), with a key lacking its scope (403), over the key's rate limit (429). */
class ApiSecurityTest extends SampleAppTest {

    private static final Map<String, String> ANY_IDS = Map.of("structure", "s1", "job", "j1", "campaign", "c1", "call", "x1",
            "profile", "assistant", "review", "r1");

    @Test
    void everyEndpointAnswers401WithoutAKeyOrWithAForgedOne() {
        for (Endpoint e : Endpoint.ALL) {
            Endpoint filled = e.with(ANY_IDS);
            HttpResponse<String> none = send(filled.method(), filled.path(), null, filled.body());
            assertThat(none.statusCode()).as("no key: %s", e).isEqualTo(401);
            assertThat(none.headers().firstValue("WWW-Authenticate")).as("%s", e).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
            assertThat(json(none).path("reason").asText()).isEqualTo("MISSING");
            HttpResponse<String> forged = send(filled.method(), filled.path(), "orion_forged_0000000000000000", filled.body());
            assertThat(forged.statusCode()).as("forged key: %s", e).isEqualTo(401);
            assertThat(forged.body()).doesNotContain("orion_forged");
        }
    }

    @Test
    void everyEndpointAnswers403ToAKeyWithoutItsScope() {
        String tenant = freshTenant("scoped");
        for (Endpoint e : Endpoint.ALL) {
            String other = e.scope().startsWith("audit") ? "structures:read" : "audit:read";
            String key = key(tenant, other);
            Endpoint filled = e.with(ANY_IDS);
            HttpResponse<String> r = send(filled.method(), filled.path(), key, filled.body());
            assertThat(r.statusCode()).as("%s with only %s", e, other).isEqualTo(403);
            assertThat(json(r).path("reason").asText()).isEqualTo("MISSING_SCOPE");
        }
    }

    @Test
    void aReadScopeDoesNotGrantWrites() {
        String key = key(freshTenant("reader"), "structures:read");
        HttpResponse<String> read = get("/api/structures", key);
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        assertThat(sendText("/api/structures?fileName=POSCAR", key, CU_POSCAR).statusCode()).isEqualTo(403);
        String writer = key(freshTenant("writer"), "structures:*");
        assertThat(sendText("/api/structures?fileName=POSCAR", writer, CU_POSCAR).statusCode()).isEqualTo(201);
    }

    @Test
    void aKeyOverItsRateLimitGets429WithRetryAfter() {
        String key = orion.tenant(TenantId.of(freshTenant("limited"))).apiKeys()
                .issue(NewApiKey.of("limited", "*").withRateLimit(RateLimit.perMinute(3))).secret();
        for (int i = 0; i < 3; i++) {
            assertThat(get("/api/structures", key).statusCode()).as("request %d", i + 1).isEqualTo(200);
        }
        HttpResponse<String> refused = get("/api/structures", key);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(
                v -> assertThat(Long.parseLong(v)).isBetween(1L, 60L));
        assertThat(json(refused).path("reason").asText()).isEqualTo("RATE_LIMITED");
    }

    @Test
    void aRevokedKeyIsRefused() {
        String tenant = freshTenant("revoked");
        var issued = orion.tenant(TenantId.of(tenant)).apiKeys().issue(NewApiKey.of("soon revoked", "*"));
        assertThat(get("/api/structures", issued.secret()).statusCode()).isEqualTo(200);
        orion.tenant(TenantId.of(tenant)).apiKeys().revoke(issued.key().id());
        HttpResponse<String> r = get("/api/structures", issued.secret());
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(json(r).path("reason").asText()).isEqualTo("REVOKED");
    }

    @Test
    void theOpenApiDescriptionListsTheApiWithItsKeySchemeAndIsPublic() {
        HttpResponse<String> r = get("/v3/api-docs", null);
        assertThat(r.statusCode()).isEqualTo(200);
        var doc = json(r);
        assertThat(doc.path("paths").has("/api/jobs/{id}/cancel")).isTrue();
        assertThat(doc.path("paths").has("/api/campaigns/{id}/advance")).isTrue();
        assertThat(doc.path("components").path("securitySchemes").path("apiKey").path("name").asText()).isEqualTo("X-API-Key");
        // the tenant comes from the key: it is no request parameter
        assertThat(r.body()).doesNotContain("\"name\":\"tenant\"");
    }

    @Test
    void theEndpointTableOfTheseTestsIsEveryEndpointOfTheApi() {
        Set<String> documented = new TreeSet<>();
        json(get("/v3/api-docs", null)).path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames()
                .forEachRemaining(method -> documented.add(method.toUpperCase(Locale.ROOT) + " "
                        + path.getKey().replaceAll("\\{[^}]+}", "{}"))));
        Set<String> tested = new TreeSet<>();
        Endpoint.ALL.forEach(e -> tested.add(e.method() + " " + e.path().replaceAll("\\?.*", "").replaceAll("\\{[^}]+}", "{}")));
        assertThat(tested).isEqualTo(documented);
    }
}
