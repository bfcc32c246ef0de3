package dev.orion.core.campaign.agent;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orion.campaign.Candidate;
import dev.orion.campaign.CompositionParameter;
import dev.orion.campaign.Objective;
import dev.orion.campaign.Observation;
import dev.orion.campaign.ParameterSpace;
import dev.orion.campaign.Prediction;
import dev.orion.campaign.Proposal;
import dev.orion.campaign.ProposalRequest;
import dev.orion.campaign.SurrogateModel;
import dev.orion.campaign.TrainingSet;
import dev.orion.check.Check;
import dev.orion.check.Verdict;
import dev.orion.core.OrionTenant;
import dev.orion.core.agent.Tool;
import dev.orion.core.campaign.internal.SpaceEncoding;
import dev.orion.core.campaign.runner.ProposalContext;
import dev.orion.core.check.CheckedText;
import dev.orion.core.check.CompositionCheck;
import dev.orion.core.check.NumericClaimCheck;
import dev.orion.engine.CalculationResult;
import dev.orion.store.ObservationRecord;
import dev.orion.store.Page;
import dev.orion.store.PageRequest;
import dev.orion.store.ResourceRef;
import dev.orion.structure.Composition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** One iteration of a campaign agent: what it has seen, chosen and said, and the tools that change it. */
final class AgentSession {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_PROPOSALS = 20;

    private final CampaignAgent agent;
    private final OrionTenant tenant;
    private final ProposalContext ctx;
    private final CandidateCodec codec;
    private final NumericClaimCheck claims;
    private final int agentSlots;
    private final Set<String> observed = new HashSet<>();
    private final Map<String, Proposal> strategyProposals = new LinkedHashMap<>();
    private final List<String> ranking = new ArrayList<>();
    private final List<Candidate> submitted = new ArrayList<>();
    private final Map<String, SurrogateModel> models = new HashMap<>();
    private int rationales;

    AgentSession(CampaignAgent agent, OrionTenant tenant, ProposalContext ctx, int agentSlots) {
        this.agent = agent;
        this.tenant = tenant;
        this.ctx = ctx;
        this.codec = new CandidateCodec(ctx.request().space());
        this.claims = NumericClaimCheck.against(ctx.request().observations(), ctx.request().goal());
        this.agentSlots = agentSlots;
        ctx.request().observations().forEach(o -> observed.add(o.candidate().id()));
    }

    List<Tool> tools() {
        List<Tool> tools = new ArrayList<>();
        tools.add(Tool.typed("describe_campaign", "The design space (parameters, bounds, categories), the goal"
                + " (objectives, constraints), this iteration's batch size and how many candidates you may submit.",
                ToolArgs.None.class, a -> describe()));
        tools.add(Tool.typed("list_observations", "Observed candidates with their outcomes (or failure), best first"
                + " or most recent first, and the best so far.", ToolArgs.ObservationQuery.class, this::observations));
        tools.add(Tool.typed("predict", "The surrogate model's prediction (mean and standard deviation) of each"
                + " objective for candidates you describe.", ToolArgs.Candidates.class, this::predict));
        tools.add(Tool.typed("strategy_proposals", "Asks the campaign's optimisation strategy for its next proposals"
                + " (with acquisition values).", ToolArgs.Count.class, a -> Map.of("proposals", strategyProposals(a.count()).stream().map(this::view).toList())));
        if (agent.mode() != AgentMode.DRIVER) {
            tools.add(Tool.typed("rank_proposals", "Orders the strategy's proposals (by candidate id, best first) for"
                    + " this batch and says why.", ToolArgs.Ranking.class, this::rank));
        }
        if (agent.mode() != AgentMode.ADVISOR) {
            tools.add(Tool.typed("submit_candidates", "Submits your own candidates for evaluation in this batch. Each is"
                    + " checked (in the space, not observed before, composition, structure and other rules) and refused"
                    + " with reasons if it fails; accepted ones are evaluated by the campaign runner.",
                    ToolArgs.Candidates.class, this::submit));
        }
        tools.add(Tool.typed("read_job_result", "The calculation behind an observed candidate: job status, energy,"
                + " convergence and a sanity check of the result.", ToolArgs.CandidateRef.class, a -> jobResult(a.candidateId())));
        tools.add(Tool.typed("record_rationale", "Records your reasoning for this iteration. Numbers you state about"
                + " outcomes are checked against the stored observations and corrected where they differ.",
                ToolArgs.Rationale.class, a -> rationale(a.text(), "rationale")));
        return tools;
    }

    private Map<String, Object> describe() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("campaign", ctx.campaignId());
        out.put("iteration", ctx.iteration());
        out.put("mode", agent.mode().name());
        ProposalRequest r = ctx.request();
        if (r.space() instanceof ParameterSpace ps) {
            out.put("parameters", ps.parameters().stream().map(AgentSession::describe).toList());
        } else {
            out.put("pool", ((dev.orion.campaign.CandidatePool) r.space()).candidates().stream().map(codec::view).toList());
        }
        out.put("objectives", r.goal().objectives().stream().map(o -> o.direction() + " " + o.outcome()).toList());
        out.put("constraints", r.goal().constraints().stream().map(Object::toString).toList());
        out.put("batchSize", r.batchSize());
        out.put("agentSlots", agentSlots);
        out.put("observations", r.observations().size());
        return out;
    }

    private static Map<String, Object> describe(dev.orion.campaign.Parameter p) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", p.name());
        if (p instanceof dev.orion.campaign.ContinuousParameter c) {
            out.put("kind", c.logScale() ? "continuous (log scale)" : "continuous");
            out.put("lower", c.lower());
            out.put("upper", c.upper());
        } else if (p instanceof dev.orion.campaign.IntegerParameter i) {
            out.put("kind", "integer");
            out.put("lower", i.lower());
            out.put("upper", i.upper());
        } else if (p instanceof dev.orion.campaign.CategoricalParameter c) {
            out.put("kind", "categorical (give it in texts)");
            out.put("categories", c.categories());
        } else if (p instanceof CompositionParameter c) {
            out.put("kind", "composition (give a formula of fractions summing to 1 in texts)");
            out.put("elements", c.elements().stream().map(e -> e.symbol()).toList());
            out.put("minFraction", c.minFraction());
        }
        return out;
    }

    private Map<String, Object> observations(ToolArgs.ObservationQuery q) {
        if (q.limit() < 1 || q.limit() > 100) {
            throw new IllegalArgumentException("limit must be 1-100, got " + q.limit());
        }
        List<Observation> all = new ArrayList<>(ctx.request().observations());
        Optional<Objective> single = single();
        if (q.order() == ToolArgs.Order.RECENT) {
            java.util.Collections.reverse(all);
        } else if (single.isPresent()) {
            Objective o = single.get();
            all.sort(Comparator.comparingDouble(x -> x.isFailure() || x.value(o.outcome()).isEmpty()
                    ? Double.POSITIVE_INFINITY : o.toMinimized(x.value(o.outcome()).getAsDouble())));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("total", all.size());
        out.put("observations", all.stream().limit(q.limit()).map(codec::view).toList());
        best().ifPresent(b -> out.put("best", codec.view(b)));
        return out;
    }

    private Optional<Objective> single() {
        return ctx.request().goal().isMultiObjective() ? Optional.empty() : Optional.of(ctx.request().goal().objectives().get(0));
    }

    Optional<Observation> best() {
        return single().flatMap(o -> ctx.request().observations().stream()
                .filter(ctx.request().goal()::isSatisfiedBy)
                .min(Comparator.comparingDouble(x -> o.toMinimized(x.value(o.outcome()).getAsDouble()))));
    }

    private Map<String, Object> predict(ToolArgs.Candidates args) {
        SpaceEncoding encoding = SpaceEncoding.of(ctx.request().space());
        List<Object> out = new ArrayList<>();
        for (ToolArgs.CandidateInput in : args.candidates()) {
            Candidate c = codec.candidate(in);
            Map<String, Object> item = codec.view(c);
            for (Objective o : ctx.request().goal().objectives()) {
                Prediction p = model(o.outcome(), encoding).predict(encoding.encode(c));
                item.put(o.outcome(), Map.of("mean", p.mean(), "sd", Math.sqrt(Math.max(p.variance(), 0))));
            }
            out.add(item);
        }
        return Map.of("predictions", out, "surrogate", agent.surrogate().name());
    }

    private SurrogateModel model(String outcome, SpaceEncoding encoding) {
        return models.computeIfAbsent(outcome, k -> {
            List<double[]> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            for (Observation o : ctx.request().observations()) {
                if (!o.isFailure() && o.value(outcome).isPresent()) {
                    x.add(encoding.encode(o.candidate()));
                    y.add(o.value(outcome).getAsDouble());
                }
            }
            if (x.size() < 2) {
                throw new IllegalStateException("the surrogate needs at least 2 observations of " + outcome + ", has " + x.size());
            }
            return agent.surrogate().fit(TrainingSet.of(x.toArray(double[][]::new), y.stream().mapToDouble(d -> d).toArray()));
        });
    }

    List<Proposal> strategyProposals(int count) {
        if (count < 1 || count > MAX_PROPOSALS) {
            throw new IllegalArgumentException("count must be 1-" + MAX_PROPOSALS + ", got " + count);
        }
        ProposalRequest r = ctx.request();
        List<Proposal> fresh = ctx.strategy().propose(new ProposalRequest(r.space(), r.goal(), r.observations(),
                List.copyOf(submitted), count, r.seed()));
        fresh.forEach(p -> strategyProposals.putIfAbsent(p.candidate().id(), p));
        return fresh;
    }

    private Map<String, Object> view(Proposal p) {
        Map<String, Object> out = codec.view(p.candidate());
        out.put("strategy", p.strategy());
        p.acquisitionValue().ifPresent(v -> out.put("acquisition", v));
        return out;
    }

    private Map<String, Object> rank(ToolArgs.Ranking args) {
        for (String id : args.candidateIds()) {
            if (!strategyProposals.containsKey(id)) {
                throw new IllegalArgumentException("'" + id + "' is not one of the strategy's proposals "
                        + strategyProposals.keySet() + "; call strategy_proposals first");
            }
        }
        ranking.clear();
        args.candidateIds().stream().distinct().forEach(ranking::add);
        Map<String, Object> out = rationale(args.rationale(), "ranking");
        out.put("ranking", ranking);
        return out;
    }

    private Map<String, Object> submit(ToolArgs.Candidates args) {
        List<Object> accepted = new ArrayList<>();
        List<Object> refused = new ArrayList<>();
        for (ToolArgs.CandidateInput in : args.candidates()) {
            Candidate c;
            try {
                c = codec.candidate(in);
            } catch (RuntimeException e) {
                refused.add(Map.of("candidate", in, "reasons", List.of(e.getMessage())));
                continue;
            }
            List<String> reasons = new ArrayList<>();
            if (submitted.size() >= agentSlots) {
                reasons.add("this batch has " + agentSlots + " agent slots, all taken");
            } else {
                judge(c).stream().filter(Verdict::failed).forEach(v -> v.reasons().forEach(x -> reasons.add(v.check() + ": " + x)));
            }
            if (reasons.isEmpty()) {
                submitted.add(c);
                accepted.add(c.id());
            } else {
                refused.add(Map.of("candidate", codec.view(c), "reasons", reasons));
            }
        }
        return Map.of("accepted", accepted, "refused", refused, "slotsLeft", agentSlots - submitted.size());
    }

    /** Every check of a candidate, each verdict stored; a candidate with a failed verdict is not evaluated. */
    List<Verdict> judge(Candidate c) {
        List<Verdict> verdicts = new ArrayList<>();
        verdicts.add(Verdict.failIf("space", ctx.request().space().violations(c)));
        boolean seen = observed.contains(c.id()) || submitted.stream().anyMatch(s -> s.id().equals(c.id()));
        verdicts.add(seen ? Verdict.fail("novelty", c.id() + " was already observed or chosen") : Verdict.pass("novelty"));
        if (ctx.request().space() instanceof ParameterSpace ps) {
            for (var p : ps.parameters()) {
                if (p instanceof CompositionParameter cp && c.values().containsKey(p.name())) {
                    verdicts.add(CompositionCheck.builder().allow(Set.copyOf(cp.elements())).fractions().build()
                            .check(Composition.of(c.fractions(p.name()))));
                }
            }
        }
        if (verdicts.stream().noneMatch(Verdict::failed)) {
            for (Check<Candidate> check : agent.checks()) {
                verdicts.add(check.check(c));
            }
        }
        ResourceRef subject = ResourceRef.of("candidate", c.id().length() <= 200 ? c.id()
                : c.id().substring(0, 180) + "#" + Integer.toHexString(c.id().hashCode()));
        verdicts.forEach(v -> tenant.verdicts().record(ctx.runId(), subject, v));
        return verdicts;
    }

    private Map<String, Object> jobResult(String candidateId) {
        ObservationRecord r = observationRecord(candidateId).orElseThrow(() -> new IllegalArgumentException(
                "no stored observation of candidate '" + candidateId + "' in this campaign"));
        String jobId = r.jobId().orElseThrow(() -> new IllegalArgumentException("the observation of " + candidateId
                + " was not made by a job (it was added by hand or by a non-job evaluator)"));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("job", jobId);
        out.put("status", tenant.jobs().status(jobId).name());
        Optional<CalculationResult> result = tenant.jobs().result(jobId);
        result.ifPresent(res -> {
            out.put("engine", res.engine());
            out.put("energy_eV", res.energy());
            out.put("atoms", res.atoms());
            if (res.atoms() > 0) {
                out.put("energy_per_atom_eV", res.energyPerAtom());
            }
            out.put("converged", res.convergence().converged());
            out.put("wall_time_s", res.wallTime().toMillis() / 1000.0);
            Verdict v = agent.resultCheck().check(res);
            tenant.verdicts().record(ctx.runId(), ResourceRef.of("job", jobId), v);
            out.put("check", Map.of("grade", v.grade().name(), "reasons", v.reasons()));
        });
        return out;
    }

    private Optional<ObservationRecord> observationRecord(String candidateId) {
        PageRequest page = PageRequest.first(PageRequest.MAX_LIMIT);
        while (true) {
            Page<ObservationRecord> p = tenant.campaigns().observations(ctx.campaignId(), page);
            for (ObservationRecord r : p.items()) {
                // the runner stores {"candidate": {"id": ...}, ...} (CampaignJson)
                if (candidateId.equals(readCandidateId(r.candidateJson()))) {
                    return Optional.of(r);
                }
            }
            if (!p.hasNext()) {
                return Optional.empty();
            }
            page = p.next(page);
        }
    }

    private static String readCandidateId(String json) {
        try {
            return JSON.readTree(json).path("candidate").path("id").asText();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return "";
        }
    }

    /** Checks the numbers of a text against the store, records the corrected text, and says what was corrected. */
    Map<String, Object> rationale(String text, String kind) {
        CheckedText checked = claims.correct(text);
        String subjectId = ctx.runId() + "#" + kind + "-" + (++rationales);
        tenant.verdicts().record(ctx.runId(), ResourceRef.of("agent-text", subjectId), checked.verdict());
        Map<String, String> details = new LinkedHashMap<>();
        details.put("run", ctx.runId());
        details.put("kind", kind);
        details.put("grade", checked.verdict().grade().name());
        details.put("text", checked.text().length() > 4000 ? checked.text().substring(0, 4000) + "…" : checked.text());
        tenant.audit().record("rationale", "campaign", ctx.campaignId(), details);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("recorded", checked.text());
        out.put("grade", checked.verdict().grade().name());
        out.put("reasons", checked.verdict().reasons());
        return out;
    }

    List<Candidate> submitted() {
        return List.copyOf(submitted);
    }

    List<String> ranking() {
        return List.copyOf(ranking);
    }

    Map<String, Proposal> strategyProposalsSeen() {
        return strategyProposals;
    }
}
