package dev.orion.samples.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orion.campaign.ContinuousParameter;
import dev.orion.campaign.Evaluator;
import dev.orion.campaign.Goal;
import dev.orion.campaign.IntegerParameter;
import dev.orion.campaign.ParameterSpace;
import dev.orion.core.Orion;
import dev.orion.core.OrionTenant;
import dev.orion.core.Stores;
import dev.orion.core.campaign.agent.AgentMode;
import dev.orion.core.campaign.agent.CampaignAgent;
import dev.orion.core.campaign.runner.CampaignOutcome;
import dev.orion.core.campaign.runner.CampaignRunner;
import dev.orion.core.campaign.runner.StopCriteria;
import dev.orion.core.campaign.strategy.Strategies;
import dev.orion.llm.ChatModel;
import dev.orion.llm.provider.ProviderSettings;
import dev.orion.llm.provider.Providers;
import dev.orion.llm.router.LlmRouter;
import dev.orion.llm.router.ModelRoute;
import dev.orion.store.AuditEvent;
import dev.orion.store.AuditFilter;
import dev.orion.store.LlmCallFilter;
import dev.orion.store.OrionStores;
import dev.orion.store.PageRequest;
import dev.orion.tenant.Principal;
import dev.orion.tenant.TenantId;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/**
 * The campaign agent end to end through the real router and providers, against a scripted model on a loopback
 * MockWebServer speaking the OpenAI chat-completions format (tool_calls) and the Anthropic messages format
 * (tool_use / tool_result): the agent calls tools, a hallucinated number is overridden, an invalid proposal is
 * refused before any evaluation, and the run's cost equals the sum of its call records.
 */
class AgentWireFormatTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ParameterSpace SPACE = ParameterSpace.builder().add(ContinuousParameter.of("a", 3.45, 3.70))
            .add(IntegerParameter.of("ni_atoms", 1, 31)).build();

    @Test
    void openAiChatCompletionsWithToolCalls() throws Exception {
        runAgainst("openai-compatible", "gpt-4o-mini", server -> Providers.openAiCompatible(ProviderSettings.builder()
                .baseUrl(server.url("/v1").toString()).apiKey("sk-test").build()), AgentWireFormatTest::openAi, "tool_calls");
    }

    @Test
    void anthropicMessagesWithToolUse() throws Exception {
        runAgainst("anthropic", "claude-sonnet-4", server -> Providers.anthropic(ProviderSettings.builder()
                .baseUrl(server.url("/").toString()).apiKey("ak-test").build()), AgentWireFormatTest::anthropic, "tool_result");
    }

    private void runAgainst(String provider, String modelId, Function<MockWebServer, ChatModel> backend,
                            Function<String, String> script, String toolResultMarker) throws Exception {
        List<String> bodies = Collections.synchronizedList(new ArrayList<>());
        List<String> evaluated = Collections.synchronizedList(new ArrayList<>());
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    String body = request.getBody().utf8();
                    bodies.add(body);
                    return new MockResponse.Builder().addHeader("Content-Type", "application/json").body(script.apply(body)).build();
                }
            });
            server.start();
            OrionStores stores = Stores.inMemory();
            LlmRouter router = LlmRouter.builder().model(new ModelRoute("agent", provider, modelId, backend.apply(server), 128_000))
                    .stores(stores).build();
            try (Orion orion = Orion.builder().store(stores).chatModel(router).build()) {
                OrionTenant acme = orion.tenant(TenantId.of("acme"), Principal.user("alice"));
                Evaluator quadratic = Evaluator.of("quadratic", "mixing_energy", "eV/atom", c -> {
                    evaluated.add(c.id());
                    double x = c.number("ni_atoms") / 32.0;
                    return -0.2 * x * (1 - x) + 0.5 * Math.pow(c.number("a") - (3.615 - 0.095 * x), 2);
                });
                CampaignAgent agent = CampaignAgent.builder(acme).mode(AgentMode.HYBRID).model("agent").build();
                CampaignOutcome outcome = CampaignRunner.builder(acme).name("wire").space(SPACE).goal(Goal.minimize("mixing_energy"))
                        .strategy(Strategies.sobol()).evaluator(quadratic).stop(StopCriteria.builder().maxEvaluations(6).build())
                        .batchSize(2).seed(11).proposalStep(agent).build().run();
                router.flushCallLog(Duration.ofSeconds(10));

                assertThat(outcome.evaluations()).isEqualTo(6);
                // the agent called its tools: five conversations steps of the script per iteration
                List<AuditEvent> toolCalls = acme.audit().query(AuditFilter.all().withAction("tool-call"), PageRequest.first(100)).items();
                assertThat(toolCalls).extracting(AuditEvent::resourceId).contains("describe_campaign", "list_observations",
                        "predict", "strategy_proposals", "submit_candidates", "record_rationale");
                assertThat(bodies).hasSize(3 * 5).anySatisfy(b -> assertThat(b).contains(toolResultMarker).contains("describe_campaign"));
                // the proposal outside the space was refused before any evaluation; the agent's own was evaluated
                assertThat(evaluated).noneMatch(id -> id.contains("a=3.95")).anyMatch(id -> id.contains("ni_atoms=8"));
                assertThat(acme.verdicts().forEvaluation(outcome.campaignId() + "/0")).anySatisfy(v -> {
                    assertThat(v.subject().id()).contains("a=3.95");
                    assertThat(v.verdict().failed()).isTrue();
                });
                // the hallucinated best was overridden with the stored best, and flagged
                double best = outcome.best().orElseThrow().value("mixing_energy").getAsDouble();
                List<AuditEvent> rationales = acme.audit().query(AuditFilter.all().withAction("rationale"), PageRequest.first(100))
                        .items();
                assertThat(rationales).anySatisfy(e -> assertThat(e.details().get("text"))
                        .contains("[corrected: the agent said " + AgentScript.HALLUCINATED_BEST + "]"));
                assertThat(rationales.stream().map(e -> e.details().get("text")).filter(t -> t.contains("corrected")).toList())
                        .allSatisfy(t -> assertThat(t).doesNotContain("= " + AgentScript.HALLUCINATED_BEST + " eV"));
                assertThat(best).isGreaterThan(-0.2);
                // the cost the agent saw in the router's answers equals the sum of the stored call records
                BigDecimal seen = BigDecimal.ZERO;
                BigDecimal recorded = BigDecimal.ZERO;
                for (AuditEvent e : acme.audit().query(AuditFilter.all().withAction("agent-iteration"), PageRequest.first(100)).items()) {
                    seen = seen.add(new BigDecimal(e.details().get("costUsd")));
                    BigDecimal[] sum = {BigDecimal.ZERO};
                    acme.llmCalls().forEach(LlmCallFilter.all().withRunId(e.details().get("run")), r -> sum[0] = sum[0].add(r.call().cost()));
                    recorded = recorded.add(sum[0]);
                }
                assertThat(seen).isPositive().isEqualByComparingTo(recorded);
                assertThat(acme.llmCalls().count(LlmCallFilter.all().withFeature(CampaignAgent.DEFAULT_FEATURE))).isEqualTo(15);
            }
        }
    }

    private static String openAi(String body) {
        return ScriptedChatServer.openAiResponse(body);
    }

    /** The script in Anthropic's messages format: text and tool_use blocks, stop_reason and usage. */
    private static String anthropic(String body) {
        JsonNode request;
        try {
            request = JSON.readTree(body);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
        int step = 0;
        String task = "";
        for (JsonNode m : request.path("messages")) {
            if (m.path("role").asText().equals("assistant")) {
                step++;
            } else if (task.isEmpty()) {
                task = m.path("content").isTextual() ? m.path("content").asText() : m.path("content").path(0).path("text").asText();
            }
        }
        AgentScript.Reply reply = AgentScript.next(ScriptedChatServer.iteration(task), step);
        ObjectNode out = JSON.createObjectNode().put("id", "msg_" + step).put("type", "message").put("role", "assistant")
                .put("model", request.path("model").asText());
        ArrayNode content = out.putArray("content");
        if (!reply.text().isEmpty()) {
            content.addObject().put("type", "text").put("text", reply.text());
        }
        for (AgentScript.Call c : reply.calls()) {
            try {
                content.addObject().put("type", "tool_use").put("id", "toolu_" + c.id()).put("name", c.name())
                        .set("input", JSON.readTree(c.argumentsJson()));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        out.put("stop_reason", reply.calls().isEmpty() ? "end_turn" : "tool_use");
        out.putNull("stop_sequence");
        out.putObject("usage").put("input_tokens", body.length() / 4).put("output_tokens", 30);
        return out.toString();
    }
}
