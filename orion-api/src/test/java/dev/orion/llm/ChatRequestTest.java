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

class ChatRequestTest {

    private static ChatRequest.Builder base() {
        return ChatRequest.builder().model("gpt-4o").user("hi");
    }

    @Test
    void holdsTenantAndProjectAsTypedIdsWhetherGivenAsTextOrTyped() {
        ChatRequest r = base().tenantId("acme").projectId("battery_cathodes.v2").runId("campaign-7/iteration-12")
                .apiKeyId("k7QX2mP9").subject("user@example.org").build();
        assertThat(r.tenantId()).contains(TenantId.of("acme"));
        assertThat(r.projectId()).contains(ProjectId.of("battery_cathodes.v2"));
        assertThat(r.runId()).contains("campaign-7/iteration-12");
        assertThat(base().tenantId(TenantId.of("acme")).projectId(ProjectId.of("battery_cathodes.v2"))
                .runId("campaign-7/iteration-12").apiKeyId("k7QX2mP9").subject("user@example.org").build()).isEqualTo(r);
        assertThat(r.newBuilder().build()).isEqualTo(r).hasSameHashCodeAs(r);
        assertThat(r.toString()).contains("tenant=acme", "project=battery_cathodes.v2");
        assertThat(base().build().tenantId()).isEmpty();
    }

    @Test
    void badTenantAndProjectIdsAreRefusedNamingFieldAndValue() {
        assertThatThrownBy(() -> base().tenantId("Acme Corp")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("tenantId").hasMessageContaining("'Acme Corp'").hasMessageContaining("slug");
        assertThatThrownBy(() -> base().tenantId("a".repeat(64))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("tenantId");
        assertThatThrownBy(() -> base().tenantId((String) null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tenantId must not be null");
        assertThatThrownBy(() -> base().projectId("-cathodes")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("projectId").hasMessageContaining("'-cathodes'");
        assertThatThrownBy(() -> base().projectId("p".repeat(129))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("projectId");
        assertThatThrownBy(() -> base().projectId("")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("projectId");
    }

    @Test
    void labelsAreOneToTwoHundredNonBlankCharacters() {
        String longest = "x".repeat(LlmCallLabel.MAX_LENGTH);
        ChatRequest r = base().runId(longest).apiKeyId(longest).subject(longest).build();
        assertThat(r.runId()).contains(longest);
        assertThat(r.apiKeyId()).contains(longest);
        assertThat(r.subject()).contains(longest);
        assertThatThrownBy(() -> base().runId(longest + "x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("runId must be 1-200 non-blank characters, got 'xxx");
        assertThatThrownBy(() -> base().apiKeyId(" ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("apiKeyId must be 1-200 non-blank characters, got ' '");
        assertThatThrownBy(() -> base().subject(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("subject must be 1-200 non-blank characters, got null");
    }

    /** Over seeded random ids: the request accepts exactly what the id types accept (one rule, not a copy). */
    @Test
    void acceptsExactlyTheIdsTheTenantTypesAccept() {
        Random rnd = new Random(20261121L);
        String alphabet = "abcxyzABZ0189-._ /:é";
        int accepted = 0;
        for (int i = 0; i < 3000; i++) {
            StringBuilder s = new StringBuilder();
            int length = rnd.nextInt(8) == 0 ? 60 + rnd.nextInt(80) : rnd.nextInt(6);
            for (int j = 0; j < length; j++) {
                s.append(alphabet.charAt(rnd.nextInt(rnd.nextBoolean() ? 10 : alphabet.length())));
            }
            String id = s.toString();
            boolean tenant = accepts(TenantId::of, id);
            assertThat(accepts(v -> base().tenantId(v).build(), id)).as("tenant '%s'", id).isEqualTo(tenant);
            boolean project = accepts(ProjectId::of, id);
            assertThat(accepts(v -> base().projectId(v).build(), id)).as("project '%s'", id).isEqualTo(project);
            accepted += tenant ? 1 : 0;
        }
        assertThat(accepted).as("the generator makes valid ids too").isBetween(300, 2700);
    }

    /** The run id a request accepts is one the call record accepts, and the other way round. */
    @Test
    void aRunIdTheRequestTakesIsOneTheCallRecordTakes() {
        Random rnd = new Random(7L);
        for (int i = 0; i < 500; i++) {
            int length = rnd.nextInt(4) == 0 ? rnd.nextInt(3) : LlmCallLabel.MAX_LENGTH - 3 + rnd.nextInt(6);
            String runId = rnd.nextBoolean() ? "r".repeat(length) : " ".repeat(length);
            boolean request = accepts(v -> base().runId(v).build(), runId);
            boolean record = accepts(v -> LlmCall.builder().runId(v).profile("p").provider("openai").model("gpt-4o")
                    .time(Instant.EPOCH).build(), runId);
            assertThat(request).as("run id of %d characters", length).isEqualTo(record)
                    .isEqualTo(!runId.isBlank() && length <= LlmCallLabel.MAX_LENGTH);
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
