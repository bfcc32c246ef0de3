package dev.orion.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChatRequestTest {

    @Test
    void holdsWhatTheModelSeesAndDerivesEqualCopies() {
        ChatRequest r = ChatRequest.builder().profile("advisor").system("be brief").user("hi").temperature(0.2)
                .topP(0.9).maxTokens(100).stop(List.of("END")).seed(7).responseFormat(ResponseFormat.json()).build();
        assertThat(r.profile()).contains("advisor");
        assertThat(r.model()).isEmpty();
        assertThat(r.messages()).extracting(Message::content).containsExactly("be brief", "hi");
        assertThat(r.newBuilder().build()).isEqualTo(r).hasSameHashCodeAs(r);
        assertThat(r.newBuilder().seed(8).build()).isNotEqualTo(r);
        assertThat(r.toString()).contains("profile=advisor", "messages=2");
    }

    @Test
    void needsAMessageAndAModelOrProfile() {
        assertThatThrownBy(() -> ChatRequest.builder().model("gpt-4o").build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one message");
        assertThatThrownBy(() -> ChatRequest.builder().user("hi").build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a model or a profile");
        assertThatThrownBy(() -> ChatRequest.builder().user("hi").profile(" ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("profile must not be blank");
        assertThatThrownBy(() -> ChatRequest.builder().temperature(Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("temperature");
    }
}
