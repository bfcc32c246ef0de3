package dev.orion.samples.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orion.core.Orion;
import dev.orion.core.Stores;
import dev.orion.core.workflow.WorkflowDraft;
import dev.orion.core.workflow.WorkflowDraftException;
import dev.orion.core.workflow.WorkflowEvent;
import dev.orion.core.workflow.WorkflowLoader;
import dev.orion.core.workflow.WorkflowRun;
import dev.orion.core.workflow.WorkflowRunner;
import dev.orion.llm.router.LlmRouter;
import dev.orion.store.AuditFilter;
import dev.orion.store.LlmCallFilter;
import dev.orion.store.NotFoundException;
import dev.orion.store.OrionStores;
import dev.orion.store.TenantStores;
import dev.orion.store.WorkflowRunRecord;
import dev.orion.store.WorkflowRunState;
import dev.orion.store.WorkflowTemplateRecord;
import dev.orion.store.WorkflowTemplateState;
import dev.orion.store.WorkflowTemplateVersion;
import dev.orion.tenant.Principal;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/** LLM-written workflows and LLM steps against a scripted loopback model speaking the OpenAI wire format. */
class WorkflowDraftSampleTest {

    static final String INVALID = """
            version: 2
            name: cu-eos
            steps:
              - id: crystal
                type: structure.protoype
                with: {prototype: fcc, element: Cu, a: 3.615}
            """;
    static final String VALID = """
            version: 2
            name: cu-eos
            steps:
              - id: crystal
                type: structure.prototype
                with: {prototype: fcc, element: Cu, a: 3.615}
              - id: volumes
                type: structure.strain_series
                with: {structure: "${steps.crystal.outputs.structure}", count: 7}
            outputs:
              cells: ${steps.volumes.outputs.structures}
            """;

    private static MockResponse answer(String content) throws Exception {
        String message = new ObjectMapper().writeValueAsString(Map.of("role", "assistant", "content", content));
        return new MockResponse.Builder().body("{\"id\":\"c\",\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"message\":" + message
                + ",\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":1200,\"completion_tokens\":150,\"total_tokens\":1350}}").build();
    }

    private static BigDecimal recorded(TenantStores tenant, String runId) {
        BigDecimal[] sum = {BigDecimal.ZERO};
        tenant.llmCalls().forEach(LlmCallFilter.all().withRunId(runId), r -> sum[0] = sum[0].add(r.call().cost()));
        return sum[0];
    }

    @Test
    void anInvalidDraftIsRepairedFromTheValidatorsErrorsAndItsCostIsTheSumOfItsCallRecords() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            server.enqueue(answer("```yaml\n" + INVALID + "```"));
            server.enqueue(answer(VALID));
            OrionStores stores = Stores.inMemory();
            LlmRouter router = WorkflowDraftSample.router(Map.of("ORION_LLM_BASE_URL", server.url("/v1").toString(), "ORION_LLM_API_KEY", "k"), stores);
            try (Orion orion = Orion.builder().store(stores).chatModel(router).build()) {
                WorkflowDraft draft = WorkflowDraftSample.drafter(orion).draft("equation of state of fcc copper");
                assertThat(draft.attempts()).isEqualTo(2);
                assertThat(draft.text()).isEqualTo(VALID.strip());
                assertThat(draft.workflow().name()).isEqualTo("cu-eos");
                assertThat(draft.costUsd()).isPositive();
                router.flushCallLog(Duration.ofSeconds(10));
                TenantStores demo = stores.tenant(WorkflowDraftSample.DEMO, Principal.system("test"));
                assertThat(recorded(demo, draft.draftId())).isEqualByComparingTo(draft.costUsd());
                server.takeRequest(1, TimeUnit.SECONDS);
                String repair = server.takeRequest(1, TimeUnit.SECONDS).getBody().utf8();
                assertThat(repair).contains("draft.yaml:5:11: step 'crystal': unknown step type 'structure.protoype'"
                        + " (did you mean 'structure.prototype'?)").contains("structure.strain_series");

                // the valid draft waits in the template store; it runs from there only once a person approved it
                assertThat(draft.template().state()).isEqualTo(WorkflowTemplateState.AWAITING_APPROVAL);
                assertThat(draft.template().id()).isEqualTo("cu-eos@1");
                var templates = orion.tenant(WorkflowDraftSample.DEMO).workflowTemplates();
                assertThat(templates.awaitingApproval()).containsExactly(draft.template());
                assertThatThrownBy(() -> WorkflowLoader.standard().loadTemplate(templates, "cu-eos")).isInstanceOf(NotFoundException.class);
                WorkflowRunRecord run = WorkflowDraftSample.approveAndRun(orion, draft, Principal.user("carol"));
                assertThat(run.state()).isEqualTo(WorkflowRunState.SUCCEEDED);
                assertThat(run.template()).contains(new WorkflowTemplateVersion("cu-eos", 1));
                assertThat(run.startedBy()).isEqualTo(Principal.user("carol"));
                WorkflowTemplateRecord approved = templates.version("cu-eos", 1).orElseThrow();
                assertThat(approved.state()).isEqualTo(WorkflowTemplateState.APPROVED);
                assertThat(approved.reviewedBy()).contains(Principal.user("carol"));
                assertThat(approved.reviewedAt()).isPresent();
                assertThat(templates.awaitingApproval()).isEmpty();
                assertThat(demo.audit().count(AuditFilter.all().withResourceType("workflow-template").withAction("approve"))).isEqualTo(1);
                assertThat(WorkflowDraftSample.runsOf(orion, "cu-eos")).extracting(WorkflowRunRecord::runId).containsExactly(run.runId());
            }
        }
    }

    @Test
    void aModelThatNeverWritesAValidWorkflowEndsInATypedFailureWithItsCostRecorded() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            for (int i = 0; i < 3; i++) {
                server.enqueue(answer(INVALID));
            }
            OrionStores stores = Stores.inMemory();
            LlmRouter router = WorkflowDraftSample.router(Map.of("ORION_LLM_BASE_URL", server.url("/v1").toString()), stores);
            try (Orion orion = Orion.builder().store(stores).chatModel(router).build()) {
                assertThatThrownBy(() -> WorkflowDraftSample.drafter(orion).draft("equation of state of fcc copper"))
                        .isInstanceOfSatisfying(WorkflowDraftException.class, e -> {
                            assertThat(e.attempts()).isEqualTo(3);
                            assertThat(e.problems()).hasSize(1);
                            assertThat(e.costUsd()).isPositive();
                            router.flushCallLog(Duration.ofSeconds(10));
                            assertThat(recorded(stores.tenant(WorkflowDraftSample.DEMO, Principal.system("test")), e.draftId()))
                                    .isEqualByComparingTo(e.costUsd());
                        });
                assertThat(server.getRequestCount()).isEqualTo(3);
            }
        }
    }

    @Test
    void theLlmCostOfARunEqualsTheSumOfItsCallRecords() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            server.enqueue(answer("{\"element\": \"Ni\", \"reason\": \"fcc like Cu\"}"));
            server.enqueue(answer("Ni is ductile."));
            OrionStores stores = Stores.inMemory();
            LlmRouter router = WorkflowDraftSample.router(Map.of("ORION_LLM_BASE_URL", server.url("/v1").toString()), stores);
            try (Orion orion = Orion.builder().store(stores).chatModel(router).build()) {
                var wf = WorkflowLoader.standard().parse(ASK, "ask.yaml").orThrow();
                WorkflowRun run = WorkflowRunner.builder(orion.tenant(WorkflowDraftSample.DEMO)).build().run(wf, Map.of(), "ask-1");
                assertThat(run.status()).as("%s", run.steps()).isEqualTo(WorkflowRun.Status.SUCCEEDED);
                assertThat(run.steps().get("pick").outputs().get("output")).isEqualTo(Map.of("element", "Ni", "reason", "fcc like Cu"));
                assertThat(run.outputs().get("note")).isEqualTo("Ni is ductile.");
                assertThat(run.llmUsd()).isPositive();
                assertThat(run.steps().get("pick").llmUsd()).isPositive();
                router.flushCallLog(Duration.ofSeconds(10));
                assertThat(recorded(stores.tenant(WorkflowDraftSample.DEMO, Principal.system("test")), "ask-1")).isEqualByComparingTo(run.llmUsd());
                server.takeRequest(1, TimeUnit.SECONDS);
                assertThat(server.takeRequest(1, TimeUnit.SECONDS).getBody().utf8()).contains("Say one thing about {\\\"element\\\"");
            }
        }
    }

    static final String ASK = """
            version: 2
            name: ask
            steps:
              - id: pick
                type: llm
                with:
                  profile: workflow-writer
                  prompt: "Pick an fcc metal like Cu."
                  schema: {type: object, properties: {element: {type: string}}, required: [element]}
              - id: explain
                type: llm
                with: {profile: workflow-writer, prompt: "Say one thing about ${steps.pick.outputs.text}"}
            outputs:
              note: ${steps.explain.outputs.text}
            """;

    @Test
    void aResumedRunRestoresItsFinishedLlmStepWithoutAskingTheModelAgainAndItsCostEqualsAllItsCallRecords() throws Exception {
        AtomicBoolean explainFails = new AtomicBoolean(true);
        AtomicInteger picks = new AtomicInteger();
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    try {
                        if (!request.getBody().utf8().contains("Say one thing")) {
                            // a model that would answer differently if asked again
                            return answer(picks.incrementAndGet() == 1 ? "{\"element\": \"Ni\"}" : "{\"element\": \"Pd\"}");
                        }
                        return explainFails.get() ? new MockResponse.Builder().code(400).body("{\"error\":{\"message\":\"bad request\"}}").build()
                                : answer("Ni is ductile.");
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            });
            server.start();
            OrionStores stores = Stores.inMemory();
            LlmRouter router = WorkflowDraftSample.router(Map.of("ORION_LLM_BASE_URL", server.url("/v1").toString()), stores);
            try (Orion orion = Orion.builder().store(stores).chatModel(router).build()) {
                var tenant = orion.tenant(WorkflowDraftSample.DEMO);
                var wf = WorkflowLoader.standard().parse(ASK, "ask.yaml").orThrow();
                List<WorkflowEvent> events = new CopyOnWriteArrayList<>();
                WorkflowRunner runner = WorkflowRunner.builder(tenant).listener(events::add).build();
                WorkflowRun first = runner.run(wf, Map.of(), "ask-2");
                assertThat(first.status()).isEqualTo(WorkflowRun.Status.FAILED);
                assertThat(first.steps().get("pick").llmUsd()).isPositive();
                assertThat(events).noneMatch(e -> e instanceof WorkflowEvent.StepRestored);
                router.flushCallLog(Duration.ofSeconds(10));
                TenantStores demo = stores.tenant(WorkflowDraftSample.DEMO, Principal.system("test"));
                BigDecimal beforeResume = recorded(demo, "ask-2");
                assertThat(beforeResume).isEqualByComparingTo(first.llmUsd());
                int requestsBeforeResume = server.getRequestCount();

                explainFails.set(false);
                events.clear();
                WorkflowRun resumed = runner.run(wf, Map.of(), "ask-2");
                assertThat(resumed.status()).isEqualTo(WorkflowRun.Status.SUCCEEDED);
                // the finished llm step was restored: the model was not asked again, and its answer is the first one
                assertThat(picks).hasValue(1);
                assertThat(server.getRequestCount()).as("only the failed step asks the model").isEqualTo(requestsBeforeResume + 1);
                assertThat(events).contains(new WorkflowEvent.StepRestored("ask-2", "pick", OptionalInt.empty()));
                assertThat(events).noneMatch(e -> e instanceof WorkflowEvent.StepStarted s && s.stepId().equals("pick"));
                assertThat(resumed.steps().get("pick").outputs()).isEqualTo(first.steps().get("pick").outputs())
                        .containsEntry("output", Map.of("element", "Ni"));
                assertThat(resumed.steps().get("pick").llmUsd()).isEqualByComparingTo(first.steps().get("pick").llmUsd());
                router.flushCallLog(Duration.ofSeconds(10));
                BigDecimal all = recorded(demo, "ask-2");
                // the resumed run's cost is every call made under its id, before and after the resume
                assertThat(resumed.llmUsd()).isEqualByComparingTo(all).isGreaterThan(beforeResume);
                WorkflowRunRecord stored = tenant.workflowRuns().find("ask-2").orElseThrow();
                assertThat(stored.llmUsd()).isEqualByComparingTo(all);
                assertThat(stored.starts()).isEqualTo(2);
                assertThat(stored.state()).isEqualTo(WorkflowRunState.SUCCEEDED);
                assertThat(stored.outputsJson()).isEqualTo("{\"note\":\"Ni is ductile.\"}");
            }
        }
    }
}
