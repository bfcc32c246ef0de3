package dev.orion.llm.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orion.llm.CallContext;
import dev.orion.llm.ChatRequest;
import dev.orion.llm.LlmProviderException;
import dev.orion.store.LlmCallFilter;
import dev.orion.store.LlmCallRecord;
import dev.orion.tenant.TenantId;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The error text a call record keeps has no bearer-like secrets and at most 2,000 characters. */
class RoutingFailureTextTest {

    @Test
    void recordedErrorsAreRedactedAndCapped() {
        ScriptedModel a = new ScriptedModel("a").always(LlmProviderException.builder("scripted", "m",
                LlmProviderException.Kind.HTTP_ERROR).status(400).retryable(false)
                .detail("echo: Bearer sk-live-0123456789abcdefghij " + "y".repeat(50_000)).build());
        CallContext acme = CallContext.of(TenantId.of("acme"));
        try (LlmRouter router = LlmRouter.builder().model(new ModelRoute("a", "x", "a", a, 10_000))
                .profile(Profile.builder("p").models(List.of("a")).build()).build()) {
            assertThatThrownBy(() -> router.chat(ChatRequest.builder().profile("p").user("hi").build(), acme))
                    .isInstanceOf(LlmProviderException.class);
            assertThat(router.flushCallLog(Duration.ofSeconds(10))).isTrue();
            LlmCallRecord r = router.callLog().query(acme.tenant(), LlmCallFilter.all(), 0, 1).get(0);
            String error = r.call().error().orElseThrow();
            assertThat(error).doesNotContain("0123456789abcdefghij").contains("[REDACTED]");
            assertThat(error.length()).isLessThanOrEqualTo(2_000);
        }
    }
}
