package dev.orion.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orion.tenant.ProjectId;
import dev.orion.tenant.TenantId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TenantChatTest {

    /** Answers every request and remembers the context each call carried. */
    private static final class RecordingModel implements ChatModel {
        final List<CallContext> contexts = new ArrayList<>();

        @Override
        public ChatResponse chat(ChatRequest request, CallContext context) {
            contexts.add(context);
            return ChatResponse.of("test", "m", Message.assistant("ok"), FinishReason.STOP, Usage.of(1, 1));
        }

        @Override
        public ChatResponse stream(ChatRequest request, CallContext context, ChatStreamListener listener) {
            return chat(request, context);
        }
    }

    private static final ChatRequest REQUEST = ChatRequest.builder().model("m").user("hi").build();

    @Test
    void everyCallCarriesTheBoundTenantAndWhatTheViewSays() {
        RecordingModel model = new RecordingModel();
        TenantChat acme = TenantChat.bind(model, CallContext.of(TenantId.of("acme")));
        TenantChat advisor = acme.feature("advisor").project(ProjectId.of("cathodes")).run("run-1")
                .with(c -> c.noCache(true));
        advisor.chat(REQUEST);
        acme.stream(REQUEST, chunk -> { });
        assertThat(model.contexts).extracting(CallContext::tenant).containsOnly(TenantId.of("acme"));
        CallContext first = model.contexts.get(0);
        assertThat(first.feature()).contains("advisor");
        assertThat(first.project()).contains(ProjectId.of("cathodes"));
        assertThat(first.runId()).contains("run-1");
        assertThat(first.noCache()).isTrue();
        assertThat(model.contexts.get(1).feature()).as("views are immutable: the parent is unchanged").isEmpty();
        assertThat(advisor.tenant()).isEqualTo(TenantId.of("acme"));
    }

    @Test
    void changingTheContextCannotNameAnotherTenant() {
        RecordingModel model = new RecordingModel();
        TenantChat acme = TenantChat.bind(model, CallContext.of(TenantId.of("acme")));
        // the change gets the view's builder; a builder made for another tenant goes nowhere
        TenantChat changed = acme.with(c -> CallContext.builder(TenantId.of("globex")).feature("stolen"));
        changed.chat(REQUEST);
        assertThat(model.contexts).singleElement().satisfies(c -> {
            assertThat(c.tenant()).isEqualTo(TenantId.of("acme"));
            assertThat(c.feature()).isEmpty();
        });
    }
}
