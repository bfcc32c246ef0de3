package dev.orion.samples.agent;

import dev.orion.campaign.ContinuousParameter;
import dev.orion.campaign.Goal;
import dev.orion.campaign.IntegerParameter;
import dev.orion.campaign.Observation;
import dev.orion.campaign.ParameterSpace;
import dev.orion.check.Grade;
import dev.orion.core.Orion;
import dev.orion.core.OrionTenant;
import dev.orion.core.Stores;
import dev.orion.core.campaign.agent.AgentMode;
import dev.orion.core.campaign.agent.CampaignAgent;
import dev.orion.core.campaign.agent.CandidateChecks;
import dev.orion.core.campaign.runner.CampaignOutcome;
import dev.orion.core.campaign.runner.CampaignRunner;
import dev.orion.core.campaign.runner.JobEvaluator;
import dev.orion.core.campaign.runner.StopCriteria;
import dev.orion.core.campaign.strategy.Strategies;
import dev.orion.core.check.StructureCheck;
import dev.orion.engine.Calculation;
import dev.orion.engines.eam.EamEngine;
import dev.orion.engines.local.LocalExecutor;
import dev.orion.llm.provider.ProviderSettings;
import dev.orion.llm.provider.Providers;
import dev.orion.llm.router.LlmRouter;
import dev.orion.llm.router.ModelRoute;
import dev.orion.samples.campaign.AlloyCampaign;
import dev.orion.store.LlmCallFilter;
import dev.orion.store.OrionStores;
import dev.orion.store.VerdictRecord;
import dev.orion.tenant.Principal;
import dev.orion.tenant.TenantId;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Cu-Ni alloy campaign ({@link AlloyCampaign}) steered by an LLM agent: the agent looks at the space and the
 * observations, asks the Gaussian-process surrogate and the Bayesian strategy, and submits candidates of its own,
 * each computed by the built-in EAM engine as a job once the checks pass (in the space, new, and a sane structure);
 * its numbers are checked against the store. Every model call goes through ORION's router (costed and logged in the
 * embedded store). At the end it prints evaluations, the best mixing energy, tokens, dollars and what the checks
 * refused or corrected.
 *
 * <p>Set an OpenAI-compatible endpoint (OpenAI, OpenRouter, vLLM, llama.cpp, LiteLLM, Ollama's {@code /v1}):
 * <pre>
 * ORION_LLM_BASE_URL=https://api.openai.com/v1   ORION_LLM_API_KEY=sk-...   ORION_LLM_MODEL=gpt-4o-mini
 * </pre>
 * Without {@code ORION_LLM_BASE_URL} it runs against {@link ScriptedChatServer}, a scripted model on a loopback
 * port, and says so. Run: {@code ./mvnw -q -pl samples -am package -DskipTests dependency:build-classpath
 * -Dmdep.outputFile=target/cp.txt}, then
 * {@code java -cp "samples/target/classes:$(cat samples/target/cp.txt)" dev.orion.samples.agent.AgentCampaign [mode]}
 * from the project root (mode: ADVISOR, DRIVER or HYBRID, default HYBRID).
 */
public final class AgentCampaign {

    /** The tenant the sample acts for. */
    static final TenantId DEMO = TenantId.of("demo");

    /**
     * What a run did.
     *
     * @param outcome       how the campaign ended
     * @param scripted      whether the scripted loopback model answered (no endpoint configured)
     * @param modelCalls    model calls recorded by the router
     * @param inputTokens   input tokens over all calls
     * @param outputTokens  output tokens over all calls
     * @param costUsd       dollars over all calls, from the router's call records
     * @param refused       candidates the checks refused before any job
     * @param corrected     agent texts whose numbers were overridden
     * @param improvements  how often the best value improved
     */
    record Result(CampaignOutcome outcome, boolean scripted, long modelCalls, long inputTokens, long outputTokens,
                  BigDecimal costUsd, long refused, long corrected, int improvements) {
    }

    private AgentCampaign() {
    }

    /**
     * Runs a new agent-steered campaign.
     *
     * @param dataDir      the embedded store's folder
     * @param potentialDir the folder holding {@code CuNi.eam.alloy}
     * @param evaluations  the evaluation budget
     * @param mode         who proposes
     * @param env          the environment ({@code ORION_LLM_*})
     * @return what it did
     * @throws InterruptedException if interrupted while computing the references
     */
    static Result run(Path dataDir, Path potentialDir, int evaluations, AgentMode mode, Map<String, String> env)
            throws InterruptedException {
        Optional<String> baseUrl = Optional.ofNullable(env.get("ORION_LLM_BASE_URL")).filter(s -> !s.isBlank());
        try (ScriptedChatServer scripted = baseUrl.isPresent() ? null : ScriptedChatServer.start()) {
            String url = baseUrl.orElseGet(() -> scripted.baseUrl());
            if (scripted != null) {
                System.out.println("ORION_LLM_BASE_URL is not set: the agent is a scripted model on " + url
                        + " (deterministic answers in the OpenAI wire format, not a real LLM)");
            }
            OrionStores stores = Stores.embedded(dataDir);
            LlmRouter router = LlmRouter.builder().model(new ModelRoute("agent", "openai-compatible",
                    env.getOrDefault("ORION_LLM_MODEL", "gpt-4o-mini"), Providers.openAiCompatible(settings(url, env)), 128_000))
                    .stores(stores).build();
            try (LocalExecutor local = LocalExecutor.builder().build();
                 Orion orion = Orion.builder().store(stores).engine(EamEngine.builder().potentialDir(potentialDir).build())
                         .executor(local).workRoot(dataDir.resolve("work")).chatModel(router).build()) {
                OrionTenant demo = orion.tenant(DEMO, Principal.user("sample"));
                CampaignOutcome outcome = campaign(demo, evaluations, mode);
                router.flushCallLog(Duration.ofSeconds(10));
                return report(demo, outcome, scripted != null);
            }
        }
    }

    private static CampaignOutcome campaign(OrionTenant demo, int evaluations, AgentMode mode) throws InterruptedException {
        double cu = AlloyCampaign.reference(demo, AlloyCampaign.CU, 3.615);
        double ni = AlloyCampaign.reference(demo, AlloyCampaign.NI, 3.52);
        JobEvaluator eam = JobEvaluator.builder(demo).name("eam-mixing").engine("orion-eam")
                .calculation(c -> Calculation.singlePoint(AlloyCampaign.alloy(c.number("a"), AlloyCampaign.nickels(c)))
                        .with(AlloyCampaign.CUNI))
                .candidateOutcome("mixing_energy", "eV/atom", (c, r) -> AlloyCampaign.mixing(AlloyCampaign.nickels(c), r, cu, ni))
                .pollWait(Duration.ofSeconds(10)).build();
        ParameterSpace space = ParameterSpace.builder().add(ContinuousParameter.of("a", 3.45, 3.70))
                .add(IntegerParameter.of("ni_atoms", 1, AlloyCampaign.ATOMS - 1)).build();
        CampaignAgent agent = CampaignAgent.builder(demo).mode(mode).model("agent").maxSteps(8)
                .costCap(new BigDecimal("0.25"))
                .check(CandidateChecks.of(c -> AlloyCampaign.alloy(c.number("a"), AlloyCampaign.nickels(c)),
                        StructureCheck.builder().minDistance(2.0).density(7, 10).build()))
                .instructions("The cell is a 32-atom fcc Cu-Ni supercell; mixing_energy is in eV/atom, lower is better.")
                .build();
        return CampaignRunner.builder(demo).name("Cu-Ni mixing energy, agent " + mode).space(space)
                .goal(Goal.minimize("mixing_energy")).strategy(Strategies.bayesian()).evaluator(eam)
                .stop(StopCriteria.builder().maxEvaluations(evaluations).build()).batchSize(2).seed(2026)
                .proposalStep(agent).build().run();
    }

    private static Result report(OrionTenant demo, CampaignOutcome outcome, boolean scripted) {
        long calls = 0;
        long in = 0;
        long out = 0;
        BigDecimal cost = BigDecimal.ZERO;
        long refused = 0;
        long corrected = 0;
        for (int i = 0; i < outcome.iterations(); i++) {
            String run = outcome.campaignId() + "/" + i;
            long[] tokens = new long[3];
            BigDecimal[] dollars = {BigDecimal.ZERO};
            demo.llmCalls().forEach(LlmCallFilter.all().withRunId(run), r -> {
                tokens[0]++;
                tokens[1] += r.call().tokensIn();
                tokens[2] += r.call().tokensOut();
                dollars[0] = dollars[0].add(r.call().cost());
            });
            calls += tokens[0];
            in += tokens[1];
            out += tokens[2];
            cost = cost.add(dollars[0]);
            List<VerdictRecord> verdicts = demo.verdicts().forEvaluation(run);
            refused += verdicts.stream().filter(v -> v.subject().type().equals("candidate") && v.verdict().grade() == Grade.FAIL)
                    .map(v -> v.subject().id()).distinct().count();
            corrected += verdicts.stream().filter(v -> v.subject().type().equals("agent-text") && v.verdict().failed()).count();
        }
        Result r = new Result(outcome, scripted, calls, in, out, cost, refused, corrected, improvements(outcome.observations()));
        Observation best = outcome.best().orElseThrow();
        System.out.printf("stopped (%s) after %d evaluations in %d iterations; lowest mixing energy %.4f eV/atom at a = %.3f Å"
                        + " with %d Ni%n", outcome.reason(), outcome.evaluations(), outcome.iterations(),
                best.value("mixing_energy").getAsDouble(), best.candidate().number("a"), AlloyCampaign.nickels(best.candidate()));
        System.out.printf("agent: %d model calls, %d input + %d output tokens, $%s (%s per improvement); %d candidates refused"
                        + " before any job, %d texts corrected%n", calls, in, out, cost.toPlainString(),
                r.improvements() == 0 ? "-" : "$" + cost.divide(BigDecimal.valueOf(r.improvements()), 6,
                        java.math.RoundingMode.HALF_UP).toPlainString(), refused, corrected);
        return r;
    }

    private static int improvements(List<Observation> observations) {
        double best = Double.POSITIVE_INFINITY;
        int count = 0;
        List<Double> values = new ArrayList<>();
        observations.stream().filter(o -> !o.isFailure()).forEach(o -> values.add(o.value("mixing_energy").getAsDouble()));
        for (double v : values) {
            if (v < best) {
                best = v;
                count++;
            }
        }
        return count;
    }

    private static ProviderSettings settings(String baseUrl, Map<String, String> env) {
        ProviderSettings.Builder b = ProviderSettings.builder().baseUrl(baseUrl)
                .connectTimeout(Duration.ofSeconds(10)).readTimeout(Duration.ofSeconds(120)).callTimeout(Duration.ofSeconds(180));
        String key = env.get("ORION_LLM_API_KEY");
        if (key != null && !key.isBlank()) {
            b.apiKey(key);
        }
        return b.build();
    }

    /**
     * Runs the sample.
     *
     * @param args the mode (ADVISOR, DRIVER or HYBRID; default HYBRID), the data folder (default {@code orion-data})
     *             and the potential folder (default {@code testdata/potentials})
     * @throws InterruptedException if interrupted
     */
    public static void main(String[] args) throws InterruptedException {
        AgentMode mode = AgentMode.valueOf(args.length > 0 ? args[0] : "HYBRID");
        run(Path.of(args.length > 1 ? args[1] : "orion-data"), Path.of(args.length > 2 ? args[2] : "testdata/potentials"),
                12, mode, System.getenv());
    }
}
