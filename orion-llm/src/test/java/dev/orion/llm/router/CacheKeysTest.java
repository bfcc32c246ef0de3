package dev.orion.llm.router;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orion.llm.CallContext;
import dev.orion.llm.ChatRequest;
import dev.orion.llm.Message;
import dev.orion.llm.ResponseFormat;
import dev.orion.llm.ToolCall;
import dev.orion.llm.ToolSpec;
import dev.orion.llm.internal.CacheKeys;
import dev.orion.tenant.ProjectId;
import dev.orion.tenant.TenantId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Property tests over seeded generated requests: every answer-changing field changes the key; key order does not. */
class CacheKeysTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> MODELS = List.of("fast", "careful");

    private static final CallContext ACME = CallContext.of(TenantId.of("acme"));

    private static String key(ChatRequest r) {
        return CacheKeys.key(ACME, "advisor", MODELS, r);
    }

    private static String word(Random rnd) {
        String[] words = {"perovskite", "band", "gap", "é", "Li₇La₃Zr₂O₁₂", "\"quoted\"", "tab\t", "line\n", "{", "spin", "DFT"};
        return words[rnd.nextInt(words.length)] + rnd.nextInt(1000);
    }

    private static String jsonObject(Random rnd, int depth) {
        ObjectNode n = JSON.createObjectNode();
        int fields = 1 + rnd.nextInt(4);
        for (int i = 0; i < fields; i++) {
            String k = "k" + i + word(rnd).replaceAll("[^a-z0-9]", "");
            switch (rnd.nextInt(4)) {
                case 0 -> n.put(k, word(rnd));
                case 1 -> n.put(k, rnd.nextInt(100) / 4.0);
                case 2 -> n.put(k, rnd.nextBoolean());
                default -> {
                    if (depth < 2) {
                        n.set(k, read(jsonObject(rnd, depth + 1)));
                    } else {
                        n.putNull(k);
                    }
                }
            }
        }
        return n.toString();
    }

    private static JsonNode read(String s) {
        try {
            return JSON.readTree(s);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same JSON with every object's keys in reverse (or shuffled) order. */
    private static String reorder(String json, Random rnd) {
        return reorder(read(json), rnd).toString();
    }

    private static JsonNode reorder(JsonNode node, Random rnd) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                names.add(it.next());
            }
            Collections.shuffle(names, rnd);
            if (names.size() > 1 && names.equals(iter(node))) {
                Collections.reverse(names);
            }
            ObjectNode out = JSON.createObjectNode();
            names.forEach(n -> out.set(n, reorder(node.get(n), rnd)));
            return out;
        }
        if (node.isArray()) {
            var out = JSON.createArrayNode();
            node.forEach(e -> out.add(reorder(e, rnd)));
            return out;
        }
        return node;
    }

    private static List<String> iter(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static ChatRequest generate(Random rnd) {
        ChatRequest.Builder b = ChatRequest.builder().profile("advisor").system("You advise on " + word(rnd));
        int turns = 1 + rnd.nextInt(4);
        for (int i = 0; i < turns; i++) {
            b.user(word(rnd) + " " + word(rnd));
            if (rnd.nextBoolean()) {
                String id = "call_" + rnd.nextInt(100);
                b.message(Message.assistant("", List.of(new ToolCall(id, "relax", jsonObject(rnd, 0)))));
                b.message(Message.tool(id, "relax", jsonObject(rnd, 0)));
            }
        }
        if (rnd.nextBoolean()) {
            b.tool(ToolSpec.of("relax", "Relax " + word(rnd), jsonObject(rnd, 0)));
        }
        b.temperature(rnd.nextInt(21) / 10.0).maxTokens(1 + rnd.nextInt(4000)).seed(rnd.nextInt(100));
        if (rnd.nextBoolean()) {
            b.topP(0.05 + rnd.nextInt(19) * 0.05);
        }
        if (rnd.nextBoolean()) {
            b.stop(List.of(word(rnd)));
        }
        if (rnd.nextBoolean()) {
            b.responseFormat(rnd.nextBoolean() ? ResponseFormat.json() : ResponseFormat.jsonSchema("out", jsonObject(rnd, 0)));
        }
        return b.build();
    }

    /** Changes one answer-changing field of the request. */
    private static List<UnaryOperator<ChatRequest>> mutations(Random rnd) {
        return List.of(
                r -> r.newBuilder().user("one more turn").build(),
                r -> {
                    List<Message> m = new ArrayList<>(r.messages());
                    Message last = m.get(m.size() - 1);
                    m.set(m.size() - 1, last instanceof Message.User u ? Message.user(u.content() + "!") : Message.user("changed"));
                    return r.newBuilder().messages(m).build();
                },
                r -> r.newBuilder().temperature(r.temperature().orElse(0.0) >= 1.5 ? 0.3 : r.temperature().orElse(0.0) + 0.5).build(),
                r -> r.newBuilder().maxTokens(r.maxTokens().orElse(1) + 1).build(),
                r -> r.newBuilder().seed(r.seed().orElse(0L) + 1).build(),
                r -> r.newBuilder().topP(r.topP().isPresent() && r.topP().get() < 0.5 ? 0.9 : 0.1).build(),
                r -> r.newBuilder().stop(List.of("STOP-" + rnd.nextInt(1000))).build(),
                r -> r.newBuilder().tool(ToolSpec.of("extra", "another tool", "{\"type\":\"object\"}")).build(),
                r -> r.newBuilder().responseFormat(r.responseFormat() instanceof ResponseFormat.Json
                        ? ResponseFormat.text() : ResponseFormat.json()).build(),
                r -> r.newBuilder().system("Extra instruction").build());
    }

    @Test
    void everyAnswerChangingFieldChangesTheKey() {
        Random rnd = new Random(20261121L);
        for (int i = 0; i < 300; i++) {
            ChatRequest r = generate(rnd);
            String k = key(r);
            assertThat(k).matches("[0-9a-f]{64}");
            for (UnaryOperator<ChatRequest> m : mutations(rnd)) {
                ChatRequest changed = m.apply(r);
                if (!changed.equals(r)) {
                    assertThat(key(changed)).as("mutation of %s", r).isNotEqualTo(k);
                }
            }
            assertThat(CacheKeys.key(CallContext.of(TenantId.of("globex")), "advisor", MODELS, r)).isNotEqualTo(k);
            assertThat(CacheKeys.key(ACME, "reviewer", MODELS, r)).isNotEqualTo(k);
            assertThat(CacheKeys.key(ACME, "advisor", List.of("careful", "fast"), r)).isNotEqualTo(k);
            String v1 = CacheKeys.key(ACME.newBuilder().systemPromptVersion("v1").build(), "advisor", MODELS, r);
            assertThat(v1).as("the system prompt version is part of the key").isNotEqualTo(k)
                    .isNotEqualTo(CacheKeys.key(ACME.newBuilder().systemPromptVersion("v2").build(), "advisor", MODELS, r));
        }
    }

    @Test
    void reorderingJsonKeysDoesNotChangeTheKey() {
        Random rnd = new Random(7L);
        for (int i = 0; i < 300; i++) {
            ChatRequest r = generate(rnd);
            ChatRequest.Builder b = r.newBuilder();
            List<Message> messages = new ArrayList<>();
            for (Message m : r.messages()) {
                if (m instanceof Message.Assistant a && !a.toolCalls().isEmpty()) {
                    List<ToolCall> calls = a.toolCalls().stream()
                            .map(c -> new ToolCall(c.id(), c.name(), reorder(c.argumentsJson(), rnd))).toList();
                    messages.add(Message.assistant(a.content(), calls));
                } else {
                    messages.add(m);
                }
            }
            b.messages(messages);
            b.tools(r.tools().stream().map(t -> ToolSpec.of(t.name(), t.description(), reorder(t.parametersJsonSchema(), rnd))).toList());
            if (r.responseFormat() instanceof ResponseFormat.JsonSchema s) {
                b.responseFormat(ResponseFormat.jsonSchema(s.name(), reorder(s.schema(), rnd)));
            }
            assertThat(key(b.build())).isEqualTo(key(r));
        }
    }

    @Test
    void routingOnlyFieldsDoNotChangeTheKeyAndDistinctRequestsDoNotCollide() {
        Random rnd = new Random(99L);
        Set<String> keys = new HashSet<>();
        Set<ChatRequest> requests = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            ChatRequest r = generate(rnd);
            CallContext routed = ACME.newBuilder().project(ProjectId.of("p" + i)).runId("run" + i).feature("f" + i)
                    .apiKeyId("key" + i).subject("s" + i).noStore(true).build();
            assertThat(CacheKeys.key(routed, "advisor", MODELS, r)).isEqualTo(key(r));
            if (requests.add(r)) {
                keys.add(key(r));
            }
        }
        assertThat(keys).hasSize(requests.size());
    }

    @Test
    void numbersAreNormalised() {
        ChatRequest a = ChatRequest.builder().profile("p").user("x").tool(ToolSpec.of("t", "d", "{\"max\":1.50,\"n\":2}")).build();
        ChatRequest b = ChatRequest.builder().profile("p").user("x").tool(ToolSpec.of("t", "d", "{\"n\":2.0,\"max\":1.5}")).build();
        assertThat(key(a)).isEqualTo(key(b));
    }
}
