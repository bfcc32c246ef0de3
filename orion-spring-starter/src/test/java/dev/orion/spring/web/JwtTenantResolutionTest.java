package dev.orion.spring.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.orion.core.Orion;
import dev.orion.core.OrionTenant;
import dev.orion.core.Stores;
import dev.orion.store.NewApiKey;
import dev.orion.tenant.TenantId;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;

/**
 * The tenant of a JWT: tokens signed here with a local RSA key (no identity provider), verified by Spring
 * Security's Nimbus decoder and turned into an authentication by its converter, as the resource server does,
 * then resolved by the tenant filter next to ORION API keys.
 */
class JwtTenantResolutionTest {

    private static KeyPair issuer;
    private static KeyPair stranger;

    private Orion orion;
    private TenantResolutionFilter filter;
    private JwtDecoder decoder;

    @BeforeAll
    static void keys() throws NoSuchAlgorithmException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        issuer = g.generateKeyPair();
        stranger = g.generateKeyPair();
    }

    @BeforeEach
    void start() {
        orion = Orion.builder().store(Stores.inMemory()).build();
        filter = new TenantResolutionFilter(orion, "/api", Optional.of(new JwtTenantResolver("tenant_id")));
        decoder = NimbusJwtDecoder.withPublicKey((RSAPublicKey) issuer.getPublic()).build();
    }

    @AfterEach
    void stop() {
        SecurityContextHolder.clearContext();
        orion.close();
    }

    private static String token(KeyPair signer, Map<String, Object> claims) throws JOSEException {
        JWTClaimsSet.Builder b = new JWTClaimsSet.Builder().issuer("https://idp.test").issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(300)));
        claims.forEach(b::claim);
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), b.build());
        jwt.sign(new RSASSASigner(signer.getPrivate()));
        return jwt.serialize();
    }

    /** What the resource server's filter does before ORION's: verify the token and authenticate the request. */
    private MockHttpServletRequest authenticated(String method, String path, String token) {
        SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationConverter().convert(decoder.decode(token)));
        MockHttpServletRequest r = new MockHttpServletRequest(method, path);
        r.setRequestURI(path);
        r.addHeader("Authorization", "Bearer " + token);
        return r;
    }

    private MockHttpServletResponse send(MockHttpServletRequest request, MockFilterChain chain) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, chain);
        return response;
    }

    @Test
    void theTenantClaimNamesTheTenantAndTheSubjectActs() throws Exception {
        String jwt = token(issuer, Map.of("sub", "alice", "tenant_id", "acme", "scope", "structures:read jobs:*"));
        MockHttpServletRequest request = authenticated("GET", "/api/structures", jwt);
        MockFilterChain chain = new MockFilterChain();
        send(request, chain);
        assertThat(chain.getRequest()).isNotNull();
        OrionTenant view = TenantRequests.tenant(request).orElseThrow();
        assertThat(view.tenant()).isEqualTo(TenantId.of("acme"));
        assertThat(view.actor().toString()).isEqualTo("user:alice");
        MockFilterChain write = new MockFilterChain();
        send(authenticated("POST", "/api/jobs", jwt), write);
        assertThat(write.getRequest()).as("jobs:* grants jobs:write").isNotNull();
    }

    @Test
    void aTokenWithoutTheTenantClaimIsRefusedEvenWhenItsSubjectIsATenant() throws Exception {
        orion.tenant(TenantId.of("alice")).structures();
        String jwt = token(issuer, Map.of("sub", "alice", "scope", "structures:read"));
        MockFilterChain chain = new MockFilterChain();
        MockHttpServletResponse response = send(authenticated("GET", "/api/structures", jwt), chain);
        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getContentAsString()).contains("\"reason\":\"MISSING_TENANT\"").contains("tenant_id");
        assertThat(chain.getRequest()).isNull();
    }

    @Test
    void aMalformedTenantClaimIsRefused() throws Exception {
        String jwt = token(issuer, Map.of("sub", "alice", "tenant_id", "../Globex Inc", "scope", "*"));
        MockHttpServletResponse response = send(authenticated("GET", "/api/structures", jwt), new MockFilterChain());
        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getContentAsString()).contains("INVALID_TENANT").doesNotContain("Globex");
    }

    @Test
    void aTokenWithoutTheScopeGets403() throws Exception {
        String jwt = token(issuer, Map.of("sub", "alice", "tenant_id", "acme", "scope", "structures:read"));
        MockHttpServletResponse response = send(authenticated("DELETE", "/api/structures/7", jwt), new MockFilterChain());
        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(response.getContentAsString()).contains("MISSING_SCOPE").contains("structures:write");
    }

    @Test
    void aTokenTheResourceServerDidNotAcceptIsRefused() throws Exception {
        String forged = token(stranger, Map.of("sub", "mallory", "tenant_id", "acme", "scope", "*"));
        assertThatThrownBy(() -> decoder.decode(forged)).isInstanceOf(JwtException.class);
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/structures");
        request.setRequestURI("/api/structures");
        request.addHeader("Authorization", "Bearer " + forged);
        MockHttpServletResponse response = send(request, new MockFilterChain());
        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getContentAsString()).contains("\"reason\":\"INVALID\"");
    }

    @Test
    void orionApiKeysStillWorkBesideJwtsAndSpringSecurityLeavesThemAlone() throws Exception {
        String key = orion.tenant(TenantId.of("globex")).apiKeys().issue(NewApiKey.of("k", "*")).secret();
        MockHttpServletRequest bearer = new MockHttpServletRequest("GET", "/api/structures");
        bearer.setRequestURI("/api/structures");
        bearer.addHeader("Authorization", "Bearer " + key);
        assertThat(new OrionKeyAwareBearerTokenResolver().resolve(bearer)).as("not decoded as a JWT").isNull();
        MockFilterChain chain = new MockFilterChain();
        send(bearer, chain);
        assertThat(TenantRequests.tenant(bearer).orElseThrow().tenant()).isEqualTo(TenantId.of("globex"));

        // an X-API-Key wins over a JWT of another tenant on the same request
        String jwt = token(issuer, Map.of("sub", "alice", "tenant_id", "acme", "scope", "*"));
        MockHttpServletRequest both = authenticated("GET", "/api/structures", jwt);
        both.addHeader("X-API-Key", key);
        send(both, new MockFilterChain());
        assertThat(TenantRequests.tenant(both).orElseThrow().tenant()).isEqualTo(TenantId.of("globex"));

        MockHttpServletRequest withJwt = new MockHttpServletRequest("GET", "/api/structures");
        withJwt.addHeader("Authorization", "Bearer " + jwt);
        assertThat(new OrionKeyAwareBearerTokenResolver().resolve(withJwt)).isEqualTo(jwt);
    }
}
