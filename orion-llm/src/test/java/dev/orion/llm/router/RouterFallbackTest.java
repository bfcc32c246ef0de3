package dev.orion.llm.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orion.llm.AllModelsCoolingDownException;
import dev.orion.llm.CallContext;
import dev.orion.llm.ChatChunk;
import dev.orion.llm.ChatRequest;
import dev.orion.llm.ChatResponse;
import dev.orion.llm.LlmConfigurationException;
import dev.orion.llm.LlmProviderException;
import dev.orion.llm.StreamInterruptedException;
import dev.orion.store.LlmCallFilter;
import dev.orion.store.LlmCallOutcome;
import dev.orion.store.LlmCallRecord;
import dev.orion.tenant.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RouterFallbackTest {

    private static final CallContext ACME = CallContext.of(TenantId.of("acme"));

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T08:00:00Z"));
    private final RecordingSleeper sleeper = new RecordingSleeper(clock);
    private final ScriptedModel primary = new ScriptedModel("primary");
    private final ScriptedModel backup = new ScriptedModel("backup");
    private final ScriptedModel tiny = new ScriptedModel("tiny");
    private LlmRouter router;

    private LlmRouter router(Profile profile) {
        router = LlmRouter.builder()
                .model(new ModelRoute("tiny", "p0", "tiny-1", tiny, 50))
                .model(new ModelRoute("primary", "p1", "model-a", primary, 100_000))
                .model(new ModelRoute("backup", "p2", "model-b", backup, 100_000))
                .profile(profile).clock(clock).sleeper(sleeper).build();
        return router;
    }

    private static Profile.Builder profile() {
        return Profile.builder("advisor").models(List.of("primary", "backup"))
                .retry(new LlmRetryPolicy(2, Duration.ofMillis(100), Duration.ofSeconds(2), Duration.ofSeconds(10)));
    }

    private static ChatRequest ask() {
        return ChatRequest.builder().profile("advisor").user("Which dopant stabilises zirconia?").build();
    }

    @AfterEach
    void close() {
        if (router != null) {
            router.close();
        }
    }

    private List<LlmCallRecord> records() {
        assertThat(router.flushCallLog(Duration.ofSeconds(5))).isTrue();
        return router.callLog().query(ACME.tenant(), LlmCallFilter.all(), 0, 100);
    }

    @Test
    void retriesThePrimaryThenFallsBackWithoutRestartingItsRetries() {
        primary.always(ScriptedModel.failure(503, true, null));
        backup.then(ScriptedModel.failure(500, true, null)).then(ScriptedModel.answer("yttria"));
        ChatResponse r = router(profile().build()).chat(ask(), ACME);

        assertThat(r.text()).isEqualTo("yttria");
        assertThat(primary.calls).hasValue(3);
        assertThat(backup.calls).hasValue(2);
        assertThat(r.modelsTried()).containsExactly("primary", "backup");
        assertThat(sleeper.waits).hasSize(3).allSatisfy(w -> assertThat(w).isLessThanOrEqualTo(Duration.ofSeconds(2)));
        assertThat(primary.requests).allSatisfy(q -> assertThat(q.model()).contains("model-a"));
        LlmCallRecord rec = records().get(0);
        assertThat(rec.call().fallbackPath()).containsExactly("primary", "backup");
        assertThat(rec.call().model()).isEqualTo("backup");
        assertThat(rec.call().provider()).isEqualTo("p2");
        assertThat(rec.call().outcome()).isEqualTo(LlmCallOutcome.SUCCESS);
    }

    @Test
    void whenEveryModelFailsTheLastTypedErrorSurfacesAndEachModelRanItsOwnCycle() {
        primary.always(ScriptedModel.failure(503, true, null));
        backup.always(ScriptedModel.failure(502, true, null));
        router(profile().build());
        assertThatThrownBy(() -> router.chat(ask(), ACME)).isInstanceOfSatisfying(LlmProviderException.class,
                e -> assertThat(e.status()).hasValue(502));
        assertThat(primary.calls).hasValue(3);
        assertThat(backup.calls).hasValue(3);
        assertThat(records()).singleElement().satisfies(rec -> {
            assertThat(rec.call().outcome()).isEqualTo(LlmCallOutcome.ERROR);
            assertThat(rec.call().error()).isPresent();
            assertThat(rec.call().fallbackPath()).containsExactly("primary", "backup");
        });
    }

    @Test
    void honoursTheLatestRetryAfterWithinTheBound() {
        primary.then(ScriptedModel.failure(429, true, Duration.ofSeconds(1)))
                .then(ScriptedModel.failure(429, true, Duration.ofSeconds(3)))
                .then(ScriptedModel.answer("ok"));
        assertThat(router(profile().build()).chat(ask(), ACME).text()).isEqualTo("ok");
        assertThat(sleeper.waits).hasSize(2);
        assertThat(sleeper.waits.get(0)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(sleeper.waits.get(1)).isGreaterThanOrEqualTo(Duration.ofSeconds(3));
        assertThat(backup.calls).hasValue(0);
    }

    @Test
    void aRetryAfterBeyondTheBoundLeavesTheModelAndCoolsItDown() {
        primary.then(ScriptedModel.failure(429, true, Duration.ofMinutes(5)));
        router(profile().build());
        assertThat(router.chat(ask(), ACME).text()).isEqualTo("from backup");
        assertThat(sleeper.waits).isEmpty();
        assertThat(primary.calls).hasValue(1);
        // the primary is cooling down: the next call goes straight to the backup
        assertThat(router.chat(ask(), ACME).modelsTried()).containsExactly("backup");
        assertThat(primary.calls).hasValue(1);
        clock.advance(Duration.ofMinutes(6));
        assertThat(router.chat(ask(), ACME).modelsTried()).containsExactly("primary");
    }

    @Test
    void nonRetryableErrorsFallBackAtOnce() {
        primary.then(ScriptedModel.failure(401, false, null));
        assertThat(router(profile().build()).chat(ask(), ACME).text()).isEqualTo("from backup");
        assertThat(primary.calls).hasValue(1);
        assertThat(sleeper.waits).isEmpty();
    }

    @Test
    void whenAllModelsCoolDownTheErrorSaysWhenToRetry() {
        primary.always(ScriptedModel.failure(529, true, Duration.ofMinutes(2)));
        backup.always(ScriptedModel.failure(529, true, Duration.ofMinutes(1)));
        router(profile().build());
        assertThatThrownBy(() -> router.chat(ask(), ACME)).isInstanceOf(LlmProviderException.class);
        assertThatThrownBy(() -> router.chat(ask(), ACME)).isInstanceOfSatisfying(AllModelsCoolingDownException.class, e -> {
            assertThat(e.models()).containsExactly("primary", "backup");
            assertThat(e.retryAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(1)));
            assertThat(e.retryAfter()).contains(Duration.ofMinutes(1));
            assertThat(e.retryable()).isTrue();
        });
    }

    @Test
    void consecutiveFailuresTriggerTheCooldownPolicy() {
        primary.always(ScriptedModel.failure(500, true, null));
        router(profile().retry(LlmRetryPolicy.NONE).cooldown(new CooldownPolicy(2, Duration.ofSeconds(30))).build());
        router.chat(ask(), ACME);
        router.chat(ask(), ACME);
        assertThat(primary.calls).hasValue(2);
        router.chat(ask(), ACME);
        assertThat(primary.calls).hasValue(2);
        clock.advance(Duration.ofSeconds(31));
        router.chat(ask(), ACME);
        assertThat(primary.calls).hasValue(3);
    }

    @Test
    void oneTenantsRejectedRequestsNeverCoolAModelDownForAnother() {
        // tenant A's requests are refused by the provider (a bad tool schema: 400; a content-policy refusal: 400,
        // an unprocessable request: 422): A's fault, not the model's, so the router-wide health must not count them
        for (int i = 0; i < 6; i++) {
            primary.then(i % 2 == 0 ? ScriptedModel.failure(400, false, null) : ScriptedModel.failure(422, false, null));
        }
        primary.then(ScriptedModel.answer("for B"));
        router(profile().cooldown(new CooldownPolicy(5, Duration.ofSeconds(30))).build());
        for (int i = 0; i < 6; i++) {
            assertThat(router.chat(ask(), ACME).modelsTried()).containsExactly("primary", "backup");
        }
        CallContext globex = CallContext.of(TenantId.of("globex"));
        ChatResponse b = router.chat(ask(), globex);
        assertThat(b.text()).as("the primary is not cooling down for B").isEqualTo("for B");
        assertThat(b.modelsTried()).containsExactly("primary");
        assertThat(primary.calls).hasValue(7);
    }

    @Test
    void providerSideFailuresStillCoolTheModelDown() {
        primary.always(ScriptedModel.failure(529, true, null));
        router(profile().retry(LlmRetryPolicy.NONE).cooldown(new CooldownPolicy(2, Duration.ofSeconds(30))).build());
        router.chat(ask(), ACME);
        router.chat(ask(), ACME);
        assertThat(router.chat(ask(), CallContext.of(TenantId.of("globex"))).modelsTried()).containsExactly("backup");
        assertThat(primary.calls).hasValue(2);
    }

    @Test
    void contextWindowFallbackSkipsModelsTooSmallForThePrompt() {
        router(profile().models(List.of("tiny", "primary")).build());
        ChatRequest longPrompt = ChatRequest.builder().profile("advisor").user("x".repeat(600)).build();
        assertThat(router.chat(longPrompt, ACME).modelsTried()).containsExactly("primary");
        assertThat(tiny.calls).hasValue(0);
        assertThat(router.chat(ChatRequest.builder().profile("advisor").user("hi").build(), ACME).modelsTried()).containsExactly("tiny");
    }

    @Test
    void aPromptThatFitsNoModelIsAConfigurationError() {
        router(profile().models(List.of("tiny")).build());
        assertThatThrownBy(() -> router.chat(ChatRequest.builder().profile("advisor").user("y".repeat(900)).build(), ACME))
                .isInstanceOf(LlmConfigurationException.class).hasMessageContaining("fits no model").hasMessageContaining("tiny=50");
    }

    @Test
    void aProviderContextErrorMovesOnWithoutRetry() {
        primary.then(LlmProviderException.builder("p", "m", LlmProviderException.Kind.HTTP_ERROR).status(400)
                .errorCode("context_length_exceeded").contextWindowExceeded(true).build());
        assertThat(router(profile().build()).chat(ask(), ACME).text()).isEqualTo("from backup");
        assertThat(primary.calls).hasValue(1);
    }

    @Test
    void streamsFallBackBeforeTheFirstChunkOnly() {
        primary.then(ScriptedModel.failure(529, true, null)).then(ScriptedModel.failure(529, true, null))
                .then(ScriptedModel.failure(529, true, null));
        List<ChatChunk> chunks = new ArrayList<>();
        router(profile().build());
        ChatResponse r = router.stream(ask(), ACME, chunks::add);
        assertThat(r.text()).isEqualTo("from backup");
        assertThat(chunks).extracting(ChatChunk::text).containsExactly("from backup");

        primary.then(new ScriptedModel.Partial("Yttr"));
        List<ChatChunk> broken = new ArrayList<>();
        assertThatThrownBy(() -> router.stream(ask(), ACME, broken::add)).isInstanceOfSatisfying(StreamInterruptedException.class,
                e -> assertThat(e.partialText()).isEqualTo("Yttr"));
        assertThat(broken).hasSize(1);
        assertThat(backup.calls).hasValue(1);
    }

    @Test
    void unknownProfilesAndModelsAreConfigurationErrors() {
        router(profile().build());
        assertThatThrownBy(() -> router.chat(ChatRequest.builder().profile("nope").user("hi").build(), ACME))
                .isInstanceOf(LlmConfigurationException.class).hasMessageContaining("unknown profile 'nope'");
        assertThatThrownBy(() -> router.reloadProfiles(ProfileSet.builder()
                .profile(Profile.builder("x").models(List.of("ghost")).build()).build()))
                .isInstanceOf(LlmConfigurationException.class).hasMessageContaining("ghost");
        assertThat(router.profiles().names()).containsExactly("advisor");
        assertThat(router.chat(ChatRequest.builder().model("backup").user("direct").build(), ACME).modelsTried()).containsExactly("backup");
    }
}
