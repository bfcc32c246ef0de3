package dev.orion.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orion.store.LlmCall;
import dev.orion.store.LlmCallLabel;
import dev.orion.tenant.ProjectId;
import dev.orion.tenant.TenantId;
import java.time.Instant;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class CallContextTest {

    private static final TenantId ACME = TenantId.of("acme");

    @Test
    void aContextWithoutATenantCannotBeMade() {
        assertThatThrownBy(() -> CallContext.of(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("tenant must not be null");
        assertThatThrownBy(() -> CallContext.builder(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("tenant must not be null");
        assertThatThrownBy(() -> CallContext.of(TenantId.ADMIN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tenant").hasMessageContaining("orion-admin");
    }

    @Test
    void holdsWhoTheCallIsForAndDerivedCopiesKeepTheTenant() {
        CallContext c = CallContext.builder(ACME).project(ProjectId.of("battery_cathodes.v2")).runId("campaign-7/iteration-12")
                .feature("campaign-advisor").apiKeyId("k7QX2mP9").subject("user@example.org")
                .systemPromptVersion("advisor-v1").noCache(true).noStore(true).build();
        assertThat(c.tenant()).isEqualTo(ACME);
        assertThat(c.project()).contains(ProjectId.of("battery_cathodes.v2"));
        assertThat(c.runId()).contains("campaign-7/iteration-12");
        assertThat(c.feature()).contains("campaign-advisor");
        assertThat(c.apiKeyId()).contains("k7QX2mP9");
        assertThat(c.subject()).contains("user@example.org");
        assertThat(c.systemPromptVersion()).contains("advisor-v1");
        assertThat(c.noCache()).isTrue();
        assertThat(c.noStore()).isTrue();
        assertThat(c.newBuilder().build()).isEqualTo(c).hasSameHashCodeAs(c);
        CallContext changed = c.newBuilder().feature("other").build();
        assertThat(changed.tenant()).isEqualTo(ACME);
        assertThat(changed).isNotEqualTo(c);
        assertThat(c.toString()).contains("tenant=acme", "feature=campaign-advisor");
        CallContext bare = CallContext.of(ACME);
        assertThat(bare.project()).isEmpty();
        assertThat(bare.feature()).isEmpty();
        assertThat(bare.noCache()).isFalse();
    }

    @Test
    void labelsAreOneToTwoHundredNonBlankCharacters() {
        String longest = "x".repeat(LlmCallLabel.MAX_LENGTH);
        CallContext c = CallContext.builder(ACME).runId(longest).feature(longest).apiKeyId(longest).subject(longest).build();
        assertThat(c.runId()).contains(longest);
        assertThat(c.feature()).contains(longest);
        CallContext.Builder b = CallContext.builder(ACME);
        assertThatThrownBy(() -> b.runId(longest + "x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("runId must be 1-200 non-blank characters, got 'xxx");
        assertThatThrownBy(() -> b.feature(" ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("feature must be 1-200 non-blank characters, got ' '");
        assertThatThrownBy(() -> b.apiKeyId(" ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("apiKeyId must be 1-200 non-blank characters, got ' '");
        assertThatThrownBy(() -> b.subject(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("subject must be 1-200 non-blank characters, got null");
        assertThatThrownBy(() -> b.project(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("project must not be null");
    }

    /** The run id and feature a context accepts are ones the call record accepts, and the other way round. */
    @Test
    void aLabelTheContextTakesIsOneTheCallRecordTakes() {
        Random rnd = new Random(7L);
        for (int i = 0; i < 500; i++) {
            int length = rnd.nextInt(4) == 0 ? rnd.nextInt(3) : LlmCallLabel.MAX_LENGTH - 3 + rnd.nextInt(6);
            String label = rnd.nextBoolean() ? "r".repeat(length) : " ".repeat(length);
            boolean context = accepts(v -> CallContext.builder(ACME).runId(v).feature(v).build(), label);
            boolean record = accepts(v -> LlmCall.builder().runId(v).feature(v).profile("p").provider("openai")
                    .model("gpt-4o").time(Instant.EPOCH).build(), label);
            assertThat(context).as("label of %d characters", length).isEqualTo(record)
                    .isEqualTo(!label.isBlank() && length <= LlmCallLabel.MAX_LENGTH);
        }
    }

    private static boolean accepts(Function<String, ?> parse, String value) {
        try {
            parse.apply(value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
