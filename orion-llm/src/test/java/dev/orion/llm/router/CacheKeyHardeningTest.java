package dev.orion.llm.router;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orion.llm.CallContext;
import dev.orion.llm.ChatRequest;
import dev.orion.llm.Message;
import dev.orion.llm.ToolCall;
import dev.orion.llm.internal.CacheKeys;
import dev.orion.llm.router.cache.InMemoryCacheStore;
import dev.orion.tenant.TenantId;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Cache keys of hostile JSON are bounded and never alias clean text; a repointed route never serves the old model's answers. */
class CacheKeyHardeningTest {

    private static final CallContext ACME = CallContext.of(TenantId.of("acme"));

    private static ChatRequest withArguments(String args) {
        return ChatRequest.builder().profile("p").user("go")
                .message(Message.assistant("", List.of(new ToolCall("c1", "relax", args)))).build();
    }

    private static String canonical(String args) {
        return CacheKeys.canonicalJson(ACME, "p", List.of("m"), withArguments(args));
    }

    @Test
    void hugeExponentsAreCanonicalisedInBoundedSpace() {
        String big = canonical("{\"x\":1e300000000}");
        assertThat(big.length()).isLessThan(1_000);
        assertThat(big).isNotEqualTo(canonical("{\"x\":1e300000001}"));
        assertThat(canonical("{\"x\":-1.5e-400000000}").length()).isLessThan(1_000);
        // equal numbers written differently still share a key
        assertThat(canonical("{\"x\":1e3}")).isEqualTo(canonical("{\"x\":1000.0}"));
    }

    @Test
    void trailingGarbageAndDuplicateFieldsNeverShareTheKeyOfCleanText() {
        String clean = canonical("{\"a\":1}");
        assertThat(canonical("{\"a\":1} garbage")).isNotEqualTo(clean);
        assertThat(canonical("{\"a\":1}{\"b\":2}")).isNotEqualTo(clean);
        assertThat(canonical("{\"a\":2,\"a\":1}")).isNotEqualTo(clean);
        assertThat(canonical("{\"a\":1,\"a\":2}")).isNotEqualTo(canonical("{\"a\":2}"));
    }

    @Test
    void repointingARouteToAnotherModelMissesTheCache() {
        InMemoryCacheStore store = new InMemoryCacheStore();
        ChatRequest req = ChatRequest.builder().profile("p").user("hi").build();
        Profile profile = Profile.builder("p").models(List.of("fast")).cache(CachePolicy.ttl(Duration.ofHours(1))).build();
        ScriptedModel old = new ScriptedModel("old");
        try (LlmRouter router = LlmRouter.builder().model(new ModelRoute("fast", "openai", "gpt-old", old, 10_000))
                .profile(profile).cacheStore(store).build()) {
            assertThat(router.chat(req, ACME).text()).isEqualTo("from old");
        }
        ScriptedModel repointed = new ScriptedModel("new");
        try (LlmRouter router = LlmRouter.builder().model(new ModelRoute("fast", "openai", "gpt-new", repointed, 10_000))
                .profile(profile).cacheStore(store).build()) {
            assertThat(router.chat(req, ACME).text()).isEqualTo("from new");
            assertThat(repointed.calls).hasValue(1);
        }
    }
}
