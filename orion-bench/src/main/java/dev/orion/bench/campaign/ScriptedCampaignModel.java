package dev.orion.bench.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orion.campaign.ContinuousParameter;
import dev.orion.campaign.ParameterSpace;
import dev.orion.llm.CallContext;
import dev.orion.llm.ChatModel;
import dev.orion.llm.ChatRequest;
import dev.orion.llm.ChatResponse;
import dev.orion.llm.ChatStreamListener;
import dev.orion.llm.FinishReason;
import dev.orion.llm.Message;
import dev.orion.llm.ToolCall;
import dev.orion.llm.ToolSpec;
import dev.orion.llm.Usage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A deterministic stand-in for an LLM steering a campaign of continuous parameters, for benchmarking the agent's
 * modes without a provider. Each iteration it lists the best observation and asks the strategy for three
 * proposals; as an advisor it asks the surrogate for their predictions and ranks them by predicted mean (pure
 * exploitation); as a driver or in a hybrid batch it submits a step of 4 % of each range from the best so far
 * (alternating directions by iteration), plus, as a driver, the strategy's first proposal. It then answers with the
 * true best value, which the claim check accepts. Token counts are a quarter of the characters it reads and writes,
 * so the router prices it like a real model of that size.
 */
final class ScriptedCampaignModel implements ChatModel {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final ParameterSpace space;
    private final String outcome;

    ScriptedCampaignModel(ParameterSpace space, String outcome) {
        this.space = space;
        this.outcome = outcome;
    }

    @Override
    public ChatResponse chat(ChatRequest request, CallContext context) {
        List<Message> messages = request.messages();
        int step = (int) messages.stream().filter(m -> m instanceof Message.Assistant).count();
        String system = messages.get(0) instanceof Message.System s ? s.content() : "";
        boolean advisor = system.contains("The optimisation strategy proposes");
        boolean driver = system.contains("You choose every candidate");
        int iteration = Integer.parseInt(context.runId().orElseThrow().replaceAll(".*/", ""));
        List<ToolCall> calls = new ArrayList<>();
        String text = "";
        if (step == 0) {
            calls.add(call("list_observations", "{\"limit\":1,\"order\":\"BEST\"}"));
            calls.add(call("strategy_proposals", "{\"count\":3}"));
        } else if (step == 1) {
            JsonNode proposals = toolResult(messages, "strategy_proposals").path("proposals");
            if (advisor) {
                ArrayNode inputs = JSON.createArrayNode();
                proposals.forEach(p -> inputs.add(input(p.path("values"))));
                calls.add(call("predict", JSON.createObjectNode().set("candidates", inputs).toString()));
            } else {
                ArrayNode inputs = JSON.createArrayNode();
                Optional<JsonNode> best = Optional.of(toolResult(messages, "list_observations").path("best"))
                        .filter(b -> !b.isMissingNode());
                inputs.add(best.map(b -> step(b.path("values"), iteration)).orElseGet(() -> input(proposals.path(0).path("values"))));
                if (driver && proposals.size() > 1) {
                    inputs.add(input(proposals.path(best.isPresent() ? 0 : 1).path("values")));
                }
                calls.add(call("submit_candidates", JSON.createObjectNode().set("candidates", inputs).toString()));
            }
        } else if (step == 2 && advisor) {
            JsonNode predictions = toolResult(messages, "predict").path("predictions");
            JsonNode proposals = toolResult(messages, "strategy_proposals").path("proposals");
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < predictions.size(); i++) {
                order.add(i);
            }
            order.sort(Comparator.comparingDouble(i -> predictions.path(i).path(outcome).path("mean").asDouble()));
            ArrayNode ids = JSON.createArrayNode();
            order.forEach(i -> ids.add(proposals.path(i).path("id").asText()));
            ObjectNode rank = JSON.createObjectNode().put("rationale", "Ranked by predicted " + outcome + ", lowest first.");
            rank.set("candidateIds", ids);
            calls.add(call("rank_proposals", rank.toString()));
        } else {
            JsonNode best = toolResult(messages, "list_observations").path("best");
            text = best.isMissingNode() ? "Nothing observed yet; started from the strategy's design."
                    : String.format(Locale.ROOT, "Best so far: %s = %.6f.", outcome, best.path("outcomes").path(outcome).asDouble());
        }
        long in = 0;
        for (Message m : messages) {
            in += m.toString().length() / 4;
        }
        for (ToolSpec t : request.tools()) {
            in += (t.name().length() + t.description().length() + t.parametersJsonSchema().length()) / 4;
        }
        long out = 10 + (text.length() + calls.stream().mapToInt(c -> c.argumentsJson().length()).sum()) / 4;
        Message.Assistant answer = calls.isEmpty() ? Message.assistant(text) : Message.assistant("", calls);
        return ChatResponse.of("scripted-" + iteration + "-" + step, "scripted", answer,
                calls.isEmpty() ? FinishReason.STOP : FinishReason.TOOL_CALLS, Usage.of(in, out));
    }

    @Override
    public ChatResponse stream(ChatRequest request, CallContext context, ChatStreamListener listener) {
        return chat(request, context);
    }

    private static ToolCall call(String name, String args) {
        return new ToolCall(name + "-" + args.hashCode(), name, args);
    }

    private static JsonNode toolResult(List<Message> messages, String tool) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i) instanceof Message.Tool t && t.toolName().equals(tool)) {
                try {
                    return JSON.readTree(t.content());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return JSON.missingNode();
    }

    private static ObjectNode input(JsonNode values) {
        ObjectNode in = JSON.createObjectNode();
        in.set("numbers", values.deepCopy());
        in.putObject("texts");
        in.put("poolId", "");
        return in;
    }

    private ObjectNode step(JsonNode values, int iteration) {
        ObjectNode numbers = JSON.createObjectNode();
        int k = 0;
        for (var p : space.parameters()) {
            ContinuousParameter c = (ContinuousParameter) p;
            double sign = ((iteration >> k++) & 1) == 0 ? 1 : -1;
            double x = values.path(c.name()).asDouble() + sign * 0.04 * (c.upper() - c.lower());
            numbers.put(c.name(), Math.max(c.lower(), Math.min(c.upper(), x)));
        }
        return input(numbers);
    }
}
