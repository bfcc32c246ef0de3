package dev.orion.core.workflow;

import static dev.orion.core.workflow.BuiltinStep.outputs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orion.llm.ChatRequest;
import dev.orion.llm.ChatResponse;
import dev.orion.llm.ResponseFormat;
import java.util.List;
import java.util.Map;

/**
 * The LLM step: a prompt (references in it are filled in before the call) sent through the tenant's chat
 * model, bound to the run so its cost is counted; with a JSON Schema, the answer is parsed into a mapping.
 */
final class LlmStep {

    /** Whole numbers of an answer are read as longs, like every whole number of a workflow, so they are stored and restored exactly. */
    private static final ObjectMapper JSON = new ObjectMapper().enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_LONG_FOR_INTS);

    private LlmStep() {
    }

    static StepType type() {
        return new BuiltinStep("llm", "asks a model through the tenant's LLM router; answers text, or JSON following a schema",
                List.of(Param.required("prompt", ValueType.STRING, "the prompt; ${...} references are filled in"),
                        Param.optional("profile", ValueType.STRING, "the router profile (which models, budget, fallbacks)"),
                        Param.optional("system", ValueType.STRING, "a system message"),
                        Param.optional("schema", ValueType.OBJECT, "a JSON Schema the answer must follow")),
                outputs("text", ValueType.STRING, "output", ValueType.OBJECT, "cost_usd", ValueType.NUMBER), LlmStep::run)
                .check(m -> m.get("schema") instanceof Map<?, ?> s && !"object".equals(s.get("type"))
                        ? List.of("schema: the answer's schema must be of type object, got " + s.get("type")) : List.of());
    }

    private static Map<String, Object> run(StepContext c) throws JsonProcessingException {
        ChatRequest.Builder b = ChatRequest.builder();
        c.input("profile").ifPresent(p -> b.profile(String.valueOf(p)));
        c.input("system").ifPresent(s -> b.system(String.valueOf(s)));
        b.user(c.string("prompt"));
        boolean structured = c.input("schema").isPresent();
        if (structured) {
            b.responseFormat(ResponseFormat.jsonSchema(c.stepId().replaceAll("[^A-Za-z0-9_-]", "_"), JSON.writeValueAsString(c.object("schema"))));
        }
        ChatResponse r = c.llm().chat(b.build());
        Map<String, Object> output = structured ? JSON.readValue(strip(r.text()), new TypeReference<Map<String, Object>>() { }) : Map.of();
        return Map.of("text", r.text(), "output", output, "cost_usd", r.costUsd().doubleValue());
    }

    private static String strip(String text) {
        String t = text.strip();
        if (t.startsWith("```")) {
            t = t.substring(t.indexOf('\n') + 1);
            t = t.substring(0, Math.max(0, t.lastIndexOf("```")));
        }
        return t;
    }
}
