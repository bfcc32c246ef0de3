package dev.orion.core.campaign.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orion.campaign.Candidate;
import dev.orion.campaign.ContinuousParameter;
import dev.orion.campaign.Evaluator;
import dev.orion.campaign.Goal;
import dev.orion.campaign.IntegerParameter;
import dev.orion.campaign.ParameterSpace;
import dev.orion.check.Grade;
import dev.orion.check.Verdict;
import dev.orion.core.Orion;
import dev.orion.core.OrionTenant;
import dev.orion.core.Stores;
import dev.orion.core.campaign.runner.CampaignOutcome;
import dev.orion.core.campaign.runner.CampaignRunner;
import dev.orion.core.campaign.runner.StopCriteria;
import dev.orion.core.campaign.strategy.Strategies;
import dev.orion.llm.CallContext;
import dev.orion.llm.ChatModel;
import dev.orion.llm.ChatRequest;
import dev.orion.llm.ChatResponse;
import dev.orion.llm.ChatStreamListener;
import dev.orion.llm.FinishReason;
import dev.orion.llm.LlmException;
import dev.orion.llm.Message;
import dev.orion.llm.ToolCall;
import dev.orion.llm.Usage;
import dev.orion.store.AuditEvent;
import dev.orion.store.AuditFilter;
import dev.orion.store.IterationRecord;
import dev.orion.store.PageRequest;
import dev.orion.store.ResourceRef;
import dev.orion.tenant.Principal;
import dev.orion.tenant.TenantId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The campaign agent over an in-process scripted model; the wire formats and the router are tested in samples. */
class CampaignAgentTest {

    private static final ParameterSpace SPACE = ParameterSpace.builder().add(ContinuousParameter.of("a", 3.45, 3.70))
            .add(IntegerParameter.of("ni_atoms", 1, 31)).build();
    private static final Goal GOAL = Goal.minimize("mixing_energy");

    private final List<String> evaluated = Collections.synchronizedList(new ArrayList<>());
    private final List<CallContext> contexts = Collections.synchronizedList(new ArrayList<>());
    private final List<String> toolResults = Collections.synchronizedList(new ArrayList<>());
    private final Evaluator quadratic = Evaluator.of("quadratic", "mixing_energy", "eV/atom", c -> {
        evaluated.add(c.id());
        double x = c.number("ni_atoms") / 32.0;
        return -0.2 * x * (1 - x) + 0.5 * Math.pow(c.number("a") - (3.615 - 0.095 * x), 2);
    });
    private Orion orion;

    private OrionTenant tenant(BiFunction<ChatRequest, CallContext, ChatResponse> script) {
        ChatModel model = new ChatModel() {
            @Override
            public ChatResponse chat(ChatRequest request, CallContext context) {
                contexts.add(context);
                Message last = request.messages().get(request.messages().size() - 1);
                for (int i = request.messages().size() - 1; i >= 0 && request.messages().get(i) instanceof Message.Tool t; i--) {
                    toolResults.add(t.content());
                }
                assertThat(last).isNotNull();
                return script.apply(request, context);
            }

            @Override
            public ChatResponse stream(ChatRequest request, CallContext context, ChatStreamListener listener) {
                return chat(request, context);
            }
        };
        orion = Orion.builder().store(Stores.inMemory()).chatModel(model).build();
        return orion.tenant(TenantId.of("acme"), Principal.user("alice"));
    }

    @BeforeEach
    void clear() {
        evaluated.clear();
    }

    @AfterEach
    void close() {
        if (orion != null) {
            orion.close();
        }
    }

    private static int step(ChatRequest r) {
        return (int) r.messages().stream().filter(m -> m instanceof Message.Assistant).count();
    }

    private static int iteration(CallContext c) {
        String run = c.runId().orElseThrow();
        return Integer.parseInt(run.substring(run.lastIndexOf('/') + 1));
    }

    private static ChatResponse calls(ToolCall... calls) {
        return ChatResponse.of("r", "m", Message.assistant("", List.of(calls)), FinishReason.TOOL_CALLS, Usage.of(100, 20));
    }

    private static ChatResponse answer(String text) {
        return ChatResponse.of("r", "m", Message.assistant(text), FinishReason.STOP, Usage.of(100, 20));
    }

    private static String candidate(double a, int ni) {
        return "{\"numbers\":{\"a\":" + a + ",\"ni_atoms\":" + ni + "},\"texts\":{},\"poolId\":\"\"}";
    }

    /** A driver: looks, predicts, submits a bad and a good candidate, claims a false best, answers. */
    private static ChatResponse driver(ChatRequest r, CallContext c) {
        int i = iteration(c);
        return switch (step(r)) {
            case 0 -> calls(new ToolCall("d", "describe_campaign", "{}"),
                    new ToolCall("l", "list_observations", "{\"limit\":5,\"order\":\"BEST\"}"));
            case 1 -> calls(new ToolCall("p", "predict", "{\"candidates\":[" + candidate(3.58, 10) + "]}"),
                    new ToolCall("s", "submit_candidates", "{\"candidates\":[" + candidate(9.9, 3) + ","
                            + candidate(3.50 + 0.03 * i, 4 + 3 * i) + "," + candidate(3.62 - 0.02 * i, 20 - 2 * i) + "]}"));
            case 2 -> calls(new ToolCall("r", "record_rationale", "{\"text\":\"The best mixing_energy so far is -9.999 eV/atom.\"}"));
            default -> answer("Submitted two candidates for iteration " + i + ".");
        };
    }

    @Test
    void aDriverProposesThroughCheckedToolsAndAnInvalidCandidateNeverRuns() {
        OrionTenant acme = tenant(CampaignAgentTest::driver);
        CampaignAgent agent = CampaignAgent.builder(acme).mode(AgentMode.DRIVER).model("scripted").build();
        CampaignOutcome outcome = CampaignRunner.builder(acme).name("agent").space(SPACE).goal(GOAL)
                .strategy(Strategies.sobol()).evaluator(quadratic).stop(StopCriteria.builder().maxEvaluations(6).build())
                .batchSize(2).seed(3).proposalStep(agent).build().run();

        assertThat(outcome.evaluations()).isEqualTo(6);
        assertThat(evaluated).hasSize(6).noneMatch(id -> id.contains("a=9.9"));
        assertThat(evaluated).contains(Candidate.of(java.util.Map.of("a", dev.orion.campaign.ParameterValue.real(3.5),
                "ni_atoms", dev.orion.campaign.ParameterValue.integer(4))).id());
        List<IterationRecord> iterations = acme.campaigns().iterations(outcome.campaignId());
        assertThat(iterations).hasSize(3).allSatisfy(it -> assertThat(it.stateJson()).contains("\"strategy\":\"agent\""));
        // every call is the tenant's, for the feature, with the campaign and iteration as its run
        assertThat(contexts).allSatisfy(c -> assertThat(c.feature()).contains(CampaignAgent.DEFAULT_FEATURE));
        assertThat(contexts).extracting(c -> c.runId().orElseThrow()).contains(outcome.campaignId() + "/0",
                outcome.campaignId() + "/2");
        // the bad candidate was refused with the space's reason, stored as a verdict
        List<Verdict> refused = acme.verdicts().forEvaluation(outcome.campaignId() + "/0").stream()
                .filter(v -> v.subject().id().contains("a=9.9")).map(v -> v.verdict()).toList();
        assertThat(refused).anySatisfy(v -> {
            assertThat(v.grade()).isEqualTo(Grade.FAIL);
            assertThat(v.check()).isEqualTo("space");
        });
        // predicting without observations is a tool error the model read; the loop went on
        assertThat(toolResults).anySatisfy(t -> assertThat(t).contains("error").contains("at least 2 observations"));
        // the false claim was overridden in the recorded rationale from the second iteration on
        List<AuditEvent> rationales = acme.audit().query(AuditFilter.all().withAction("rationale"), PageRequest.first(50)).items();
        assertThat(rationales).anySatisfy(e -> assertThat(e.details().get("text"))
                .contains("[corrected: the agent said -9.999]").doesNotStartWith("The best mixing_energy so far is -9.999"));
        assertThat(acme.verdicts().forSubject(ResourceRef.of("agent-text", outcome.campaignId() + "/1#rationale-1")))
                .singleElement().satisfies(v -> assertThat(v.verdict().grade()).isEqualTo(Grade.FAIL));
        // every tool call is audited with its run
        List<AuditEvent> toolCalls = acme.audit().query(AuditFilter.all().withAction("tool-call"), PageRequest.first(100)).items();
        assertThat(toolCalls).hasSize(3 * 5);
        assertThat(toolCalls).anySatisfy(e -> {
            assertThat(e.resourceId()).isEqualTo("predict");
            assertThat(e.details()).containsEntry("outcome", "error").containsEntry("run", outcome.campaignId() + "/0");
        });
    }

    @Test
    void aResumedCampaignAsksTheAgentOnlyAboutNewIterations() {
        OrionTenant acme = tenant(CampaignAgentTest::driver);
        CampaignAgent agent = CampaignAgent.builder(acme).mode(AgentMode.DRIVER).model("scripted").build();
        CampaignRunner.Builder runner = CampaignRunner.builder(acme).name("resumable").space(SPACE).goal(GOAL)
                .strategy(Strategies.sobol()).evaluator(quadratic).batchSize(2).seed(3).proposalStep(agent);
        CampaignOutcome first = runner.stop(StopCriteria.builder().maxEvaluations(2).build()).build().run();
        List<String> before = List.copyOf(evaluated);
        contexts.clear();
        CampaignOutcome resumed = runner.stop(StopCriteria.builder().maxEvaluations(4).build()).build().resume(first.campaignId());

        assertThat(resumed.evaluations()).isEqualTo(4);
        assertThat(evaluated).hasSize(4).startsWith(before.toArray(String[]::new));
        assertThat(contexts).isNotEmpty().allSatisfy(c -> assertThat(c.runId()).contains(first.campaignId() + "/1"));
        // a campaign stored with an agent can be resumed without it: the agent is not part of the stored settings
        CampaignOutcome plain = CampaignRunner.builder(acme).name("resumable").space(SPACE).goal(GOAL).strategy(Strategies.sobol())
                .evaluator(quadratic).batchSize(2).seed(3).stop(StopCriteria.builder().maxEvaluations(6).build()).build()
                .resume(first.campaignId());
        assertThat(plain.evaluations()).isEqualTo(6);
    }

    @Test
    void anAdvisorRanksTheStrategysProposalsAndTheBatchFollowsTheRanking() {
        List<List<String>> offered = new ArrayList<>();
        OrionTenant acme = tenant((r, c) -> switch (step(r)) {
            case 0 -> calls(new ToolCall("s", "strategy_proposals", "{\"count\":3}"));
            case 1 -> {
                String result = ((Message.Tool) r.messages().get(r.messages().size() - 1)).content();
                List<String> ids = new ArrayList<>();
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"id\":\"([^\"]+)\"").matcher(result);
                while (m.find()) {
                    ids.add(m.group(1));
                }
                offered.add(ids);
                yield calls(new ToolCall("k", "rank_proposals", "{\"candidateIds\":[\"" + ids.get(2) + "\",\"" + ids.get(0)
                        + "\"],\"rationale\":\"The third explores the Ni-rich side.\"}"));
            }
            default -> answer("Ranked.");
        });
        CampaignAgent agent = CampaignAgent.builder(acme).mode(AgentMode.ADVISOR).model("scripted").build();
        CampaignOutcome outcome = CampaignRunner.builder(acme).space(SPACE).goal(GOAL).strategy(Strategies.sobol())
                .evaluator(quadratic).stop(StopCriteria.builder().maxEvaluations(2).build()).batchSize(2).seed(5)
                .proposalStep(agent).build().run();
        assertThat(outcome.evaluations()).isEqualTo(2);
        assertThat(evaluated).containsExactly(offered.get(0).get(2), offered.get(0).get(0));
    }

    @Test
    void whenTheModelFailsTheStrategyProposesAndTheFailureIsAudited() {
        OrionTenant acme = tenant((r, c) -> {
            throw new LlmException("provider down", false, null, null);
        });
        CampaignAgent agent = CampaignAgent.builder(acme).mode(AgentMode.HYBRID).model("scripted").build();
        CampaignOutcome outcome = CampaignRunner.builder(acme).space(SPACE).goal(GOAL).strategy(Strategies.sobol())
                .evaluator(quadratic).stop(StopCriteria.builder().maxEvaluations(4).build()).batchSize(2).seed(5)
                .proposalStep(agent).build().run();
        assertThat(outcome.evaluations()).isEqualTo(4);
        assertThat(acme.audit().count(AuditFilter.all().withAction("agent-failed"))).isEqualTo(2);
    }

    @Test
    void anAgentThatNeverAnswersStopsAtItsStepLimitAndTheStrategyFillsTheBatch() {
        OrionTenant acme = tenant((r, c) -> calls(new ToolCall("d" + step(r), "describe_campaign", "{}")));
        CampaignAgent agent = CampaignAgent.builder(acme).mode(AgentMode.DRIVER).model("scripted").maxSteps(3).build();
        CampaignOutcome outcome = CampaignRunner.builder(acme).space(SPACE).goal(GOAL).strategy(Strategies.sobol())
                .evaluator(quadratic).stop(StopCriteria.builder().maxEvaluations(4).build()).batchSize(2).seed(5)
                .proposalStep(agent).build().run();
        assertThat(outcome.evaluations()).isEqualTo(4);
        List<AuditEvent> limits = acme.audit().query(AuditFilter.all().withAction("agent-limit"), PageRequest.first(10)).items();
        assertThat(limits).hasSize(2).allSatisfy(e -> assertThat(e.details()).containsEntry("limit", "STEPS")
                .containsEntry("steps", "3"));
        assertThat(contexts).hasSize(2 * 3);
    }

    @Test
    void aProposalStepMayNotExceedTheBatchOrLeaveTheSpace() {
        OrionTenant acme = tenant((r, c) -> answer("unused"));
        CampaignRunner.Builder runner = CampaignRunner.builder(acme).space(SPACE).goal(GOAL).strategy(Strategies.sobol())
                .evaluator(quadratic).stop(StopCriteria.builder().maxEvaluations(4).build()).batchSize(1);
        assertThatThrownBy(() -> runner.proposalStep(ctx -> Strategies.sobol().propose(
                dev.orion.campaign.ProposalRequest.of(SPACE, GOAL, List.of(), 2, 1))).build().run())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("2 proposals for a batch of 1");
        assertThat(evaluated).isEmpty();
        assertThatThrownBy(() -> CampaignAgent.builder(acme).build()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("model or a profile");
    }
}
