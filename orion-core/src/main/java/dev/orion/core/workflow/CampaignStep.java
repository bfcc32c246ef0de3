package dev.orion.core.workflow;

import static dev.orion.core.workflow.BuiltinStep.outputs;

import dev.orion.campaign.Candidate;
import dev.orion.campaign.EvaluationTicket;
import dev.orion.campaign.Evaluator;
import dev.orion.campaign.ContinuousParameter;
import dev.orion.campaign.Goal;
import dev.orion.campaign.Observation;
import dev.orion.campaign.ParameterSpace;
import dev.orion.campaign.ParameterValue;
import dev.orion.campaign.Strategy;
import dev.orion.core.campaign.runner.CampaignOutcome;
import dev.orion.core.campaign.runner.CampaignRunner;
import dev.orion.core.campaign.runner.JobEvaluator;
import dev.orion.core.campaign.runner.StopCriteria;
import dev.orion.core.campaign.strategy.Strategies;
import dev.orion.engine.CalculationResult;
import dev.orion.engine.Resources;
import dev.orion.structure.Structure;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * The campaign step: a small design campaign of the campaign runner over a structure's lattice ({@code a}, the
 * lattice parameter, or {@code strain}, a linear isotropic strain), with one calculation per candidate as a job of the
 * job service, stored like any campaign. Gives the best candidate and its value.
 */
final class CampaignStep {

    /** The parameters a candidate may set, each scaling the structure isotropically. */
    private static final Set<String> PARAMETERS = Set.of("a", "strain");
    private static final Map<String, ToDoubleFunction<CalculationResult>> OUTCOMES = Map.of(
            "energy", CalculationResult::energy, "energy_per_atom", CalculationResult::energyPerAtom,
            "volume", r -> r.finalStructure().map(Structure::volume).orElse(Double.NaN));
    private static final int MAX_EVALUATIONS = 200;

    private CampaignStep() {
    }

    static StepType type() {
        List<Param> params = CalculationStep.withStructure(Param.required("structure", ValueType.STRUCTURE,
                "the structure whose lattice the candidates scale"));
        params.addAll(List.of(
                Param.required("space", ValueType.OBJECT, "{a: [min, max]} (lattice parameter, Å) or {strain: [min, max]}"),
                Param.required("goal", ValueType.OBJECT, "{minimize: OUTCOME} or {maximize: OUTCOME}; OUTCOME is energy,"
                        + " energy_per_atom or volume"),
                Param.optional("strategy", ValueType.STRING, "bayesian", "how candidates are chosen")
                        .withChoices("bayesian", "random", "sobol", "latin-hypercube"),
                Param.optional("evaluations", ValueType.INTEGER, 10L, "how many candidates to evaluate (1-200)"),
                Param.optional("batch", ValueType.INTEGER, 1L, "candidates proposed (and computed in parallel) per iteration"),
                Param.optional("seed", ValueType.INTEGER, 0L, "the seed of the strategy")));
        return new BuiltinStep("campaign", "runs a design campaign over a structure's lattice, one calculation per candidate",
                params, outputs("best", ValueType.OBJECT, "best_value", ValueType.NUMBER, "best_structure", ValueType.STRUCTURE,
                "evaluations", ValueType.INTEGER, "campaign_id", ValueType.STRING),
                CampaignStep::run)
                .jobs(m -> m.get("evaluations") instanceof Long n ? n.intValue() : 10)
                .check(CampaignStep::check);
    }

    private static List<String> check(Map<String, Object> m) {
        List<String> problems = new ArrayList<>(CalculationStep.checkMethod(m));
        if (m.get("space") instanceof Map<?, ?> space) {
            try {
                space(space);
            } catch (IllegalArgumentException e) {
                problems.add("space: " + e.getMessage());
            }
        }
        if (m.get("goal") instanceof Map<?, ?> goal) {
            try {
                goal(goal);
            } catch (IllegalArgumentException e) {
                problems.add("goal: " + e.getMessage());
            }
        }
        if (m.get("evaluations") instanceof Long n && (n < 1 || n > MAX_EVALUATIONS)) {
            problems.add("evaluations: must be 1-" + MAX_EVALUATIONS + ", got " + n);
        }
        if (m.get("batch") instanceof Long n && n < 1) {
            problems.add("batch: must be at least 1, got " + n);
        }
        return problems;
    }

    private static ContinuousParameter space(Map<?, ?> space) {
        if (space.size() != 1 || !PARAMETERS.contains(String.valueOf(space.keySet().iterator().next()))) {
            throw new IllegalArgumentException("give one of " + List.of("a", "strain") + " with [min, max], got " + space.keySet());
        }
        String name = String.valueOf(space.keySet().iterator().next());
        if (!(space.get(name) instanceof List<?> range) || range.size() != 2 || !(range.get(0) instanceof Number lo)
                || !(range.get(1) instanceof Number hi) || !(hi.doubleValue() > lo.doubleValue())
                || (name.equals("a") ? lo.doubleValue() <= 0 : lo.doubleValue() <= -1)) {
            throw new IllegalArgumentException(name + " needs [min, max] with min < max" + (name.equals("a") ? " and min > 0"
                    : " and min > -1") + ", got " + space.get(name));
        }
        return ContinuousParameter.of(name, lo.doubleValue(), hi.doubleValue());
    }

    private static Goal goal(Map<?, ?> goal) {
        if (goal.size() != 1 || !(goal.get("minimize") instanceof String || goal.get("maximize") instanceof String)) {
            throw new IllegalArgumentException("give {minimize: OUTCOME} or {maximize: OUTCOME}, got " + goal);
        }
        String outcome = String.valueOf(goal.values().iterator().next());
        if (!OUTCOMES.containsKey(outcome)) {
            throw new IllegalArgumentException("unknown outcome '" + outcome + "'; have " + List.of("energy", "energy_per_atom", "volume"));
        }
        return goal.containsKey("minimize") ? Goal.minimize(outcome) : Goal.maximize(outcome);
    }

    private static Strategy strategy(String name) {
        return switch (name) {
            case "random" -> Strategies.random();
            case "sobol" -> Strategies.sobol();
            case "latin-hypercube" -> Strategies.latinHypercube();
            default -> Strategies.bayesian();
        };
    }

    /** The structure of a candidate: the input scaled isotropically to the candidate's lattice parameter or strain. */
    private static Structure structureOf(Structure s, Candidate candidate) {
        Map.Entry<String, ParameterValue> p = candidate.values().entrySet().iterator().next();
        double v = ((ParameterValue.Real) p.getValue()).value();
        double factor = p.getKey().equals("a") ? v / s.lattice().a() : 1 + v;
        return s.withLattice(Transforms.deform(s.lattice(), new double[] {factor - 1, factor - 1, factor - 1, 0, 0, 0}));
    }

    private static Map<String, Object> run(StepContext c) throws Exception {
        if (!(c instanceof RunContext run)) {
            throw new IllegalStateException("the campaign step runs only inside a WorkflowRunner");
        }
        Structure s = c.structure("structure");
        ParameterSpace space = ParameterSpace.builder().add(space(c.object("space"))).build();
        Goal goal = goal(c.object("goal"));
        String outcome = goal.objectives().get(0).outcome();
        int evaluations = (int) c.number("evaluations");
        if (evaluations < 1 || evaluations > MAX_EVALUATIONS) {
            throw new IllegalArgumentException("evaluations must be 1-" + MAX_EVALUATIONS + ", got " + evaluations);
        }
        Resources resources = c.input("resources").isPresent() ? CalculationStep.resources(c.object("resources")) : Resources.defaults();
        JobEvaluator.Builder evaluator = JobEvaluator.builder(run.jobService()).name(evaluatorName(c))
                .engine(c.string("engine")).calculation(candidate -> CalculationStep.calculation(c, structureOf(s, candidate)))
                .outcome(outcome, outcome.equals("volume") ? "Å^3" : "eV", OUTCOMES.get(outcome)).pollWait(Duration.ofMillis(200)).resources(resources);
        if (c.input("executor").isPresent()) {
            evaluator.executor(c.string("executor"));
        }
        CampaignOutcome result = CampaignRunner.builder(run.tenant()).name("workflow " + c.runId() + " step " + c.stepId())
                .space(space).goal(goal).strategy(strategy(c.string("strategy"))).evaluator(counted(evaluator.build(), run, resources))
                .stop(StopCriteria.afterEvaluations(evaluations)).batchSize((int) c.number("batch"))
                .seed((long) c.number("seed")).pollInterval(Duration.ofMillis(20)).build().run();
        Observation best = result.best().orElseThrow(() -> new IllegalStateException("campaign " + result.campaignId()
                + " found no candidate: all " + result.evaluations() + " evaluations failed"
                + result.observations().stream().flatMap(o -> o.failure().stream()).findFirst().map(f -> " (first: " + f + ")").orElse("")));
        Map<String, Object> bestValues = new LinkedHashMap<>();
        best.candidate().values().forEach((k, v) -> bestValues.put(k, ((ParameterValue.Real) v).value()));
        return Map.of("best", bestValues, "best_value", best.value(outcome).orElseThrow(),
                "best_structure", structureOf(s, best.candidate()), "evaluations", (long) result.evaluations(),
                "campaign_id", result.campaignId());
    }

    /** The evaluator whose jobs count as the step's: listed in its jobs, their core-hours in its cost. */
    private static Evaluator counted(Evaluator jobs, RunContext run, Resources resources) {
        return new Evaluator() {
            @Override
            public String name() {
                return jobs.name();
            }

            @Override
            public EvaluationTicket submit(Candidate candidate) {
                EvaluationTicket ticket = jobs.submit(candidate);
                run.adopt(ticket.reference(), resources);
                return ticket;
            }

            @Override
            public Optional<Observation> poll(EvaluationTicket ticket) {
                return jobs.poll(ticket);
            }
        };
    }

    /** Evaluator names key the jobs: the same run, step and item find their jobs again when resumed. */
    private static String evaluatorName(StepContext c) {
        String key = c.runId() + ":" + c.stepId() + ":" + c.itemIndex();
        try {
            return "wf-" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)))
                    .substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }
}
