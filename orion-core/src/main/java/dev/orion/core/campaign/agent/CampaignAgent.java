package dev.orion.core.campaign.agent;

import dev.orion.campaign.Candidate;
import dev.orion.campaign.Proposal;
import dev.orion.campaign.Surrogate;
import dev.orion.check.Check;
import dev.orion.check.Verdict;
import dev.orion.core.OrionTenant;
import dev.orion.core.agent.ToolLoop;
import dev.orion.core.agent.ToolLoopException;
import dev.orion.core.agent.ToolLoopResult;
import dev.orion.core.campaign.gp.GaussianProcess;
import dev.orion.core.campaign.runner.ProposalContext;
import dev.orion.core.campaign.runner.ProposalStep;
import dev.orion.core.check.ResultCheck;
import dev.orion.engine.CalculationResult;
import dev.orion.llm.ChatRequest;
import dev.orion.llm.LlmException;
import dev.orion.llm.TenantChat;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An LLM agent that chooses a campaign's candidates through typed tools, as the {@link ProposalStep} of a
 * {@link dev.orion.core.campaign.runner.CampaignRunner}. Each iteration it runs one tool loop: every model call
 * goes through the tenant's {@link OrionTenant#llm()} view (costed, cached, rate-limited, budgeted and logged by
 * the router) with the feature named and the run id {@code <campaignId>/<iteration>}; every tool call is audited;
 * a tool error goes back to the model as a tool result. The tools describe the space and goal, list
 * observations and the best so far, predict with the surrogate (mean and standard deviation), ask the strategy,
 * rank the strategy's proposals, submit the agent's own candidates, read job results and record a rationale.
 *
 * <p>Nothing the agent says is taken on trust: each candidate it submits is checked (in the space, not seen
 * before, composition rules, and the {@link Builder#check checks} given here, e.g. structure sanity) and refused
 * with reasons if any check fails, so it never reaches an engine; the strategy's proposals pass the same checks.
 * Numbers the agent states about outcomes are compared with the stored observations, and contradicted ones are
 * overridden in the recorded text and flagged. Every verdict is stored in {@link OrionTenant#verdicts()} under
 * the iteration's run id. When the model fails (a provider error, a spent budget) or hits the step or cost limit,
 * the iteration keeps what the agent chose so far and the strategy fills the rest, so the campaign goes on.
 * Each iteration leaves one audit event on the campaign: {@code "agent-iteration"} (steps, tool calls, tokens, cost
 * in USD from the router's answers, candidates submitted), {@code "agent-limit"} or {@code "agent-failed"}.
 *
 * <pre>{@code
 * CampaignAgent agent = CampaignAgent.builder(acme).mode(AgentMode.HYBRID).agentShare(0.5).model("gpt-4o-mini")
 *         .check(CandidateChecks.of(c -> structureOf(c), StructureCheck.defaults())).maxSteps(8).build();
 * CampaignRunner.builder(acme).space(space).goal(goal).strategy(Strategies.bayesian()).evaluator(eam)
 *         .stop(StopCriteria.builder().maxEvaluations(20).build()).proposalStep(agent).build().run();
 * }</pre>
 */
public final class CampaignAgent implements ProposalStep {

    /** The feature name model calls are logged under, unless {@link Builder#feature} says otherwise. */
    public static final String DEFAULT_FEATURE = "campaign-agent";
    /** The strategy name of proposals the agent made itself. */
    public static final String AGENT_STRATEGY = "agent";

    private static final Logger LOG = LoggerFactory.getLogger(CampaignAgent.class);

    private final OrionTenant tenant;
    private final AgentMode mode;
    private final double agentShare;
    private final Optional<String> model;
    private final Optional<String> profile;
    private final String feature;
    private final int maxSteps;
    private final Optional<BigDecimal> costCap;
    private final Surrogate surrogate;
    private final List<Check<Candidate>> checks;
    private final Check<CalculationResult> resultCheck;
    private final Optional<String> instructions;

    private CampaignAgent(Builder b) {
        this.tenant = b.tenant;
        this.mode = b.mode;
        this.agentShare = b.agentShare;
        this.model = Optional.ofNullable(b.model);
        this.profile = Optional.ofNullable(b.profile);
        this.feature = b.feature;
        this.maxSteps = b.maxSteps;
        this.costCap = Optional.ofNullable(b.costCap);
        this.surrogate = b.surrogate;
        this.checks = List.copyOf(b.checks);
        this.resultCheck = b.resultCheck;
        this.instructions = Optional.ofNullable(b.instructions);
    }

    /** @param tenant the tenant whose model, budgets, stores and audit log the agent uses  @return a builder */
    public static Builder builder(OrionTenant tenant) {
        return new Builder(Objects.requireNonNull(tenant, "tenant"));
    }

    @Override
    public List<Proposal> propose(ProposalContext ctx) {
        int batch = ctx.request().batchSize();
        int slots = switch (mode) {
            case ADVISOR -> 0;
            case DRIVER -> batch;
            case HYBRID -> (int) Math.max(1, Math.min(batch, Math.round(agentShare * batch)));
        };
        AgentSession session = new AgentSession(this, tenant, ctx, slots);
        TenantChat chat = tenant.llm().feature(feature).run(ctx.runId());
        ToolLoop.Builder loop = ToolLoop.builder(chat).maxSteps(maxSteps).audit(tenant.audit());
        session.tools().forEach(loop::tool);
        costCap.ifPresent(loop::costCap);
        ChatRequest.Builder request = ChatRequest.builder().system(AgentPrompt.system(mode, instructions))
                .user(AgentPrompt.task(ctx, mode, slots));
        model.ifPresent(request::model);
        profile.ifPresent(request::profile);
        try {
            ToolLoopResult r = loop.build().run(request.build());
            if (!r.answer().text().isBlank()) {
                session.rationale(r.answer().text(), "answer");
            }
            tenant.audit().record("agent-iteration", "campaign", ctx.campaignId(), Map.of("run", ctx.runId(),
                    "steps", Integer.toString(r.steps()), "toolCalls", Integer.toString(r.toolCalls()),
                    "inputTokens", Long.toString(r.usage().inputTokens()), "outputTokens", Long.toString(r.usage().outputTokens()),
                    "costUsd", r.costUsd().toPlainString(), "submitted", Integer.toString(session.submitted().size())));
        } catch (ToolLoopException e) {
            LOG.info("campaign {}: agent stopped at its limit in iteration {}: {}", ctx.campaignId(), ctx.iteration(), e.getMessage());
            tenant.audit().record("agent-limit", "campaign", ctx.campaignId(), Map.of("run", ctx.runId(), "limit", e.limit().name(),
                    "steps", Integer.toString(e.steps()), "costUsd", e.costUsd().toPlainString()));
        } catch (LlmException e) {
            LOG.warn("campaign {}: agent failed in iteration {}, the strategy proposes instead: {}", ctx.campaignId(),
                    ctx.iteration(), e.toString());
            audit(ctx, "agent-failed", e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        return batch(session, ctx, batch);
    }

    /** The agent's accepted candidates first, then the strategy's proposals (ranked ones first) that pass the checks. */
    private List<Proposal> batch(AgentSession session, ProposalContext ctx, int batch) {
        List<Proposal> out = new ArrayList<>();
        session.submitted().forEach(c -> out.add(Proposal.of(c, AGENT_STRATEGY)));
        if (out.size() >= batch) {
            return out;
        }
        Map<String, Proposal> offered = new LinkedHashMap<>();
        session.ranking().forEach(id -> offered.put(id, session.strategyProposalsSeen().get(id)));
        session.strategyProposalsSeen().forEach(offered::putIfAbsent);
        if (offered.size() < batch) {
            session.strategyProposals(Math.min(batch, 20)).forEach(p -> offered.putIfAbsent(p.candidate().id(), p));
        }
        for (Proposal p : offered.values()) {
            if (out.size() >= batch) {
                break;
            }
            if (out.stream().noneMatch(x -> x.candidate().id().equals(p.candidate().id()))
                    && session.judge(p.candidate()).stream().noneMatch(Verdict::failed)) {
                out.add(p);
            }
        }
        return out;
    }

    private void audit(ProposalContext ctx, String action, String detail) {
        tenant.audit().record(action, "campaign", ctx.campaignId(), Map.of("run", ctx.runId(),
                "detail", detail.length() > 2000 ? detail.substring(0, 2000) : detail));
    }

    AgentMode mode() {
        return mode;
    }

    Surrogate surrogate() {
        return surrogate;
    }

    List<Check<Candidate>> checks() {
        return checks;
    }

    Check<CalculationResult> resultCheck() {
        return resultCheck;
    }

    @Override
    public String toString() {
        return "CampaignAgent[" + mode + (mode == AgentMode.HYBRID ? " " + agentShare : "") + ", feature=" + feature + "]";
    }

    /** Collects a {@link CampaignAgent}'s settings; a model or a profile is required. */
    public static final class Builder {
        private final OrionTenant tenant;
        private AgentMode mode = AgentMode.HYBRID;
        private double agentShare = 0.5;
        private String model;
        private String profile;
        private String feature = DEFAULT_FEATURE;
        private int maxSteps = 12;
        private BigDecimal costCap;
        private Surrogate surrogate = GaussianProcess.create();
        private final List<Check<Candidate>> checks = new ArrayList<>();
        private Check<CalculationResult> resultCheck = ResultCheck.builder().build();
        private String instructions;

        private Builder(OrionTenant tenant) {
            this.tenant = tenant;
        }

        /** @param mode who proposes (default {@link AgentMode#HYBRID})  @return this builder (for chaining) */
        public Builder mode(AgentMode mode) {
            this.mode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /**
         * @param share the agent's share of each batch in {@link AgentMode#HYBRID} mode, in (0, 1] (default 0.5;
         *              at least one slot)
         * @return this builder (for chaining)
         */
        public Builder agentShare(double share) {
            if (!(share > 0 && share <= 1)) {
                throw new IllegalArgumentException("agentShare must be in (0, 1], got " + share);
            }
            this.agentShare = share;
            return this;
        }

        /** @param model the model (or router model name) to ask  @return this builder (for chaining) */
        public Builder model(String model) {
            this.model = Objects.requireNonNull(model, "model");
            return this;
        }

        /** @param profile the router profile to ask  @return this builder (for chaining) */
        public Builder profile(String profile) {
            this.profile = Objects.requireNonNull(profile, "profile");
            return this;
        }

        /** @param feature the feature model calls are logged and budgeted under (default {@value #DEFAULT_FEATURE})  @return this builder (for chaining) */
        public Builder feature(String feature) {
            this.feature = Objects.requireNonNull(feature, "feature");
            return this;
        }

        /** @param steps the most model calls per iteration, &gt;= 1 (default 12)  @return this builder (for chaining) */
        public Builder maxSteps(int steps) {
            if (steps < 1) {
                throw new IllegalArgumentException("maxSteps must be >= 1, got " + steps);
            }
            this.maxSteps = steps;
            return this;
        }

        /** @param usd the most money per iteration, &gt; 0 (default: only the router's budgets)  @return this builder (for chaining) */
        public Builder costCap(BigDecimal usd) {
            if (usd.signum() <= 0) {
                throw new IllegalArgumentException("costCap must be > 0, got " + usd);
            }
            this.costCap = usd;
            return this;
        }

        /** @param surrogate the model behind the predict tool (default a Gaussian process)  @return this builder (for chaining) */
        public Builder surrogate(Surrogate surrogate) {
            this.surrogate = Objects.requireNonNull(surrogate, "surrogate");
            return this;
        }

        /** @param check a check every candidate must pass before it is evaluated  @return this builder (for chaining) */
        public Builder check(Check<Candidate> check) {
            checks.add(Objects.requireNonNull(check, "check"));
            return this;
        }

        /** @param check the sanity check of job results the agent reads (default {@link ResultCheck} defaults)  @return this builder (for chaining) */
        public Builder resultCheck(Check<CalculationResult> check) {
            this.resultCheck = Objects.requireNonNull(check, "check");
            return this;
        }

        /** @param text domain knowledge added to the system prompt  @return this builder (for chaining) */
        public Builder instructions(String text) {
            this.instructions = Objects.requireNonNull(text, "text");
            return this;
        }

        /**
         * @return the agent
         * @throws IllegalStateException if neither a model nor a profile was given
         */
        public CampaignAgent build() {
            if (model == null && profile == null) {
                throw new IllegalStateException("CampaignAgent needs a model or a profile; call builder().model(...) or .profile(...)");
            }
            return new CampaignAgent(this);
        }
    }
}
