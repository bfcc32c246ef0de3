package dev.orion.core.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orion.llm.CallContext;
import dev.orion.llm.ChatModel;
import dev.orion.llm.ChatRequest;
import dev.orion.llm.ChatResponse;
import dev.orion.llm.ChatStreamListener;
import dev.orion.llm.FinishReason;
import dev.orion.llm.Message;
import dev.orion.llm.TenantChat;
import dev.orion.llm.ToolCall;
import dev.orion.llm.Usage;
import dev.orion.tenant.TenantId;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ToolLoopTest {

    /** A model that asks for tools per a script, then answers with the last tool result it saw. */
    private static ChatModel model(Function<ChatRequest, ChatResponse> script) {
        return new ChatModel() {
            @Override
            public ChatResponse chat(ChatRequest request, CallContext context) {
                return script.apply(request);
            }

            @Override
            public ChatResponse stream(ChatRequest request, CallContext context, ChatStreamListener listener) {
                return chat(request, context);
            }
        };
    }

    /** The loop runs on a tenant's model, as an agent of that tenant would. */
    private static TenantChat acme(ChatModel model) {
        return TenantChat.bind(model, CallContext.builder(TenantId.of("acme")).feature("agent").build());
    }

    private static ChatResponse calls(ToolCall... calls) {
        return ChatResponse.of("r", "m", Message.assistant("", List.of(calls)), FinishReason.TOOL_CALLS, Usage.of(50, 10))
                .withCost(new BigDecimal("0.01"));
    }

    private static final String SCHEMA = "{\"type\":\"object\",\"properties\":{\"formula\":{\"type\":\"string\"}}}";

    @Test
    void runsToolsAndSendsResultsBackUntilTheModelAnswers() {
        List<String> seen = new ArrayList<>();
        ChatModel m = model(req -> {
            Message last = req.messages().get(req.messages().size() - 1);
            assertThat(req.tools()).extracting(t -> t.name()).contains("energy");
            if (last instanceof Message.Tool t) {
                seen.add(t.content());
                if (seen.size() == 1) {
                    return calls(new ToolCall("c2", "energy", "{\"formula\":\"NaCl\"}"), new ToolCall("c3", "nope", "{}"));
                }
                return ChatResponse.of("r", "m", Message.assistant("KCl is lower"), FinishReason.STOP, Usage.of(80, 5))
                        .withCost(new BigDecimal("0.02"));
            }
            return calls(new ToolCall("c1", "energy", "{\"formula\":\"KCl\"}"));
        });
        ToolLoopResult r = ToolLoop.builder(acme(m))
                .tool(Tool.of("energy", "Energy per atom", SCHEMA, args -> args.contains("KCl") ? "{\"eV\":-3.4}" : "{\"eV\":-3.2}"))
                .maxSteps(5).build().run(ChatRequest.builder().model("m").user("Which is more stable?").build());

        assertThat(r.answer().text()).isEqualTo("KCl is lower");
        assertThat(r.steps()).isEqualTo(3);
        assertThat(r.toolCalls()).isEqualTo(3);
        assertThat(r.costUsd()).isEqualByComparingTo("0.04");
        assertThat(r.usage().inputTokens()).isEqualTo(180);
        assertThat(seen.get(0)).isEqualTo("{\"eV\":-3.4}");
        List<Message.Tool> results = r.transcript().stream().filter(x -> x instanceof Message.Tool).map(x -> (Message.Tool) x).toList();
        assertThat(results).extracting(Message.Tool::toolCallId).containsExactly("c1", "c2", "c3");
        assertThat(results.get(2).content()).contains("unknown tool 'nope'");
    }

    @Test
    void toolExceptionsBecomeErrorResults() {
        List<String> results = new ArrayList<>();
        ChatModel m = model(req -> {
            Message last = req.messages().get(req.messages().size() - 1);
            if (last instanceof Message.Tool t) {
                results.add(t.content());
                return ChatResponse.of("r", "m", Message.assistant("sorry"), FinishReason.STOP, Usage.ZERO);
            }
            return calls(new ToolCall("c1", "energy", "{}"));
        });
        ToolLoop.builder(acme(m)).tool(Tool.of("energy", "e", SCHEMA, args -> {
            throw new IllegalArgumentException("formula \"missing\"");
        })).build().run(ChatRequest.builder().model("m").user("go").build());
        assertThat(results).singleElement().asString().contains("IllegalArgumentException").contains("formula \\\"missing\\\"");
    }

    @Test
    void stopsAtTheStepLimitAndTheCostCap() {
        ChatModel looping = model(req -> calls(new ToolCall("c", "energy", "{}")));
        Tool energy = Tool.of("energy", "e", SCHEMA, args -> "{}");
        assertThatThrownBy(() -> ToolLoop.builder(acme(looping)).tool(energy).maxSteps(4).build()
                .run(ChatRequest.builder().model("m").user("go").build()))
                .isInstanceOfSatisfying(ToolLoopException.class, e -> {
                    assertThat(e.limit()).isEqualTo(ToolLoopException.Limit.STEPS);
                    assertThat(e.steps()).isEqualTo(4);
                });
        assertThatThrownBy(() -> ToolLoop.builder(acme(looping)).tool(energy).maxSteps(100).costCap(new BigDecimal("0.025")).build()
                .run(ChatRequest.builder().model("m").user("go").build()))
                .isInstanceOfSatisfying(ToolLoopException.class, e -> {
                    assertThat(e.limit()).isEqualTo(ToolLoopException.Limit.COST);
                    assertThat(e.steps()).isEqualTo(3);
                    assertThat(e.costUsd()).isEqualByComparingTo("0.03");
                });
    }

    @Test
    void everyToolCallIsAuditedWithItsRunAndMalformedArgumentsGoBackToTheModel() {
        record Formula(String formula) { }
        List<String> results = new ArrayList<>();
        ChatModel m = model(req -> {
            Message last = req.messages().get(req.messages().size() - 1);
            if (last instanceof Message.Tool t) {
                results.add(t.content());
                return ChatResponse.of("r", "m", Message.assistant("done"), FinishReason.STOP, Usage.ZERO);
            }
            return calls(new ToolCall("c1", "energy", "{\"formula\":\"KCl\"}"), new ToolCall("c2", "energy", "{formula: KCl"));
        });
        try (dev.orion.store.OrionStores stores = dev.orion.core.Stores.inMemory()) {
            dev.orion.store.AuditStore audit = stores.tenant(TenantId.of("acme"), dev.orion.tenant.Principal.user("alice")).audit();
            TenantChat chat = acme(m).run("campaign-7/3");
            ToolLoop.builder(chat).tool(Tool.typed("energy", "e", Formula.class, f -> java.util.Map.of("eV", f.formula().length())))
                    .audit(audit).build().run(ChatRequest.builder().model("m").user("go").build());
            assertThat(results).hasSize(1);
            List<dev.orion.store.AuditEvent> events = audit.query(dev.orion.store.AuditFilter.all().withAction("tool-call"),
                    dev.orion.store.PageRequest.first(10)).items();
            assertThat(events).hasSize(2).allSatisfy(e -> {
                assertThat(e.resourceType()).isEqualTo("tool");
                assertThat(e.resourceId()).isEqualTo("energy");
                assertThat(e.details()).containsEntry("run", "campaign-7/3").containsEntry("feature", "agent");
            });
            assertThat(events).extracting(e -> e.details().get("outcome")).containsExactlyInAnyOrder("ok", "error");
            assertThat(events).filteredOn(e -> e.details().get("outcome").equals("error")).singleElement()
                    .satisfies(e -> assertThat(e.details().get("error")).contains("do not match the schema of Formula"));
        }
    }
}
