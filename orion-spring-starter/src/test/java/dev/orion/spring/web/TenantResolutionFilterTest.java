package dev.orion.spring.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orion.core.Orion;
import dev.orion.core.OrionTenant;
import dev.orion.core.Stores;
import dev.orion.store.IssuedApiKey;
import dev.orion.store.NewApiKey;
import dev.orion.tenant.RateLimit;
import dev.orion.tenant.TenantId;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.MethodParameter;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.context.request.ServletWebRequest;

class TenantResolutionFilterTest {

    private static final TenantId ACME = TenantId.of("acme");
    private static final TenantId GLOBEX = TenantId.of("globex");

    private Orion orion;
    private TenantResolutionFilter filter;
    private IssuedApiKey acmeReader;

    @BeforeEach
    void start() {
        orion = Orion.builder().store(Stores.inMemory()).build();
        filter = new TenantResolutionFilter(orion, "/api");
        acmeReader = orion.tenant(ACME).apiKeys().issue(NewApiKey.of("reader", "structures:read"));
    }

    @AfterEach
    void stop() {
        orion.close();
    }

    private static MockHttpServletRequest request(String method, String path) {
        MockHttpServletRequest r = new MockHttpServletRequest(method, path);
        r.setRequestURI(path);
        return r;
    }

    private record Outcome(MockHttpServletResponse response, MockFilterChain chain, MockHttpServletRequest request) {
        boolean passed() {
            return chain.getRequest() != null;
        }
    }

    private Outcome send(MockHttpServletRequest request) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request, response, chain);
        return new Outcome(response, chain, request);
    }

    private static MockHttpServletRequest bearer(MockHttpServletRequest r, String key) {
        r.addHeader("Authorization", "Bearer " + key);
        return r;
    }

    @Test
    void aValidKeyResolvesTheRequestToItsTenantActingAsTheKey() throws Exception {
        Outcome o = send(bearer(request("GET", "/api/structures/7"), acmeReader.secret()));
        assertThat(o.passed()).isTrue();
        OrionTenant tenant = TenantRequests.tenant(o.request()).orElseThrow();
        assertThat(tenant.tenant()).isEqualTo(ACME);
        assertThat(tenant.actor().toString()).contains(acmeReader.key().id());

        IssuedApiKey globex = orion.tenant(GLOBEX).apiKeys().issue(NewApiKey.of("all", "*"));
        MockHttpServletRequest viaHeader = request("POST", "/api/jobs");
        viaHeader.addHeader("X-API-Key", globex.secret());
        Outcome other = send(viaHeader);
        assertThat(other.passed()).isTrue();
        assertThat(TenantRequests.tenant(other.request()).orElseThrow().tenant()).isEqualTo(GLOBEX);
    }

    @Test
    void noKeyOrAnInvalidOneIs401() throws Exception {
        Outcome none = send(request("GET", "/api/structures"));
        assertThat(none.passed()).isFalse();
        assertThat(none.response().getStatus()).isEqualTo(401);
        assertThat(none.response().getHeader("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(none.response().getContentAsString()).contains("\"reason\":\"MISSING\"");

        String forged = acmeReader.secret().substring(0, acmeReader.secret().length() - 2) + "xx";
        Outcome invalid = send(bearer(request("GET", "/api/structures"), forged));
        assertThat(invalid.response().getStatus()).isEqualTo(401);
        assertThat(invalid.response().getContentAsString()).contains("INVALID").doesNotContain(forged);

        orion.tenant(ACME).apiKeys().revoke(acmeReader.key().id());
        Outcome revoked = send(bearer(request("GET", "/api/structures"), acmeReader.secret()));
        assertThat(revoked.response().getStatus()).isEqualTo(401);
        assertThat(revoked.response().getContentAsString()).contains("REVOKED");
        assertThat(TenantRequests.tenant(revoked.request())).isEmpty();
    }

    @Test
    void aKeyWithoutTheScopeIs403() throws Exception {
        Outcome write = send(bearer(request("POST", "/api/structures"), acmeReader.secret()));
        assertThat(write.passed()).isFalse();
        assertThat(write.response().getStatus()).isEqualTo(403);
        assertThat(write.response().getContentAsString()).contains("structures:write");
        assertThat(send(bearer(request("GET", "/api/jobs"), acmeReader.secret())).response().getStatus()).isEqualTo(403);
    }

    @Test
    void aKeyOverItsRateLimitIs429WithRetryAfter() throws Exception {
        IssuedApiKey limited = orion.tenant(ACME).apiKeys().issue(NewApiKey.of("limited", "*")
                .withRateLimit(new RateLimit(1, 1, Duration.ofMinutes(1))));
        assertThat(send(bearer(request("GET", "/api/structures"), limited.secret())).passed()).isTrue();
        Outcome over = send(bearer(request("GET", "/api/structures"), limited.secret()));
        assertThat(over.passed()).isFalse();
        assertThat(over.response().getStatus()).isEqualTo(429);
        assertThat(Long.parseLong(over.response().getHeader("Retry-After"))).isBetween(1L, 60L);
    }

    @Test
    void theScopeIsTheFirstSegmentAfterTheBasePathAndTheMethod() {
        assertThat(filter.requiredScope(request("GET", "/api/structures/7/properties"))).isEqualTo("structures:read");
        assertThat(filter.requiredScope(request("HEAD", "/api/jobs"))).isEqualTo("jobs:read");
        assertThat(filter.requiredScope(request("DELETE", "/api/Jobs/3"))).isEqualTo("jobs:write");
        assertThat(filter.requiredScope(request("GET", "/api"))).isEqualTo("api:read");
    }

    @Test
    void preflightsAndRequestsOutsideTheBasePathPassUnresolved() throws Exception {
        Outcome preflight = send(request("OPTIONS", "/api/structures"));
        assertThat(preflight.passed()).isTrue();
        assertThat(TenantRequests.tenant(preflight.request())).isEmpty();
        assertThat(send(request("GET", "/health")).passed()).isTrue();
        assertThat(send(request("GET", "/apiary")).passed()).isTrue();
    }

    @Test
    void anOrionTenantParameterIsTheResolvedTenant() throws Exception {
        OrionTenantArgumentResolver resolver = new OrionTenantArgumentResolver();
        MethodParameter parameter = new MethodParameter(
                Handlers.class.getDeclaredMethod("handle", OrionTenant.class), 0);
        assertThat(resolver.supportsParameter(parameter)).isTrue();

        Outcome o = send(bearer(request("GET", "/api/structures"), acmeReader.secret()));
        assertThat(resolver.resolveArgument(parameter, null, new ServletWebRequest(o.request()), null).tenant())
                .isEqualTo(ACME);
        assertThatThrownBy(() -> resolver.resolveArgument(parameter, null,
                new ServletWebRequest(request("GET", "/other")), null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("orion.web.base-path");
    }

    static final class Handlers {
        void handle(OrionTenant tenant) {
        }
    }
}
