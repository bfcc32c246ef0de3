package dev.orion.core.campaign.runner;

import dev.orion.campaign.DesignSpace;
import dev.orion.campaign.Evaluator;
import dev.orion.campaign.Goal;
import dev.orion.campaign.Observation;
import dev.orion.campaign.Strategy;
import dev.orion.core.OrionTenant;
import dev.orion.store.CampaignRecord;
import dev.orion.store.NewCampaign;
import dev.orion.store.NewObservation;
import dev.orion.store.ResourceRef;
import dev.orion.store.NotFoundException;
import dev.orion.tenant.ProjectId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Runs a design campaign in a closed loop: propose, evaluate, observe, and again, until a
 * {@link StopCriteria} is met. Every step is stored in the tenant's campaign store before the next
 * begins: the campaign, each iteration's proposals (with acquisition value and model state) before any of
 * them is evaluated, and each observation as it arrives, linked by provenance to the job that produced
 * it. A campaign whose process died is continued by {@link #resume(String)}: proposals already observed
 * are not evaluated again, proposals recorded but not observed are submitted again (an evaluator's
 * {@code submit} is idempotent per candidate, so a job still running is re-attached, not restarted), and
 * the loop goes on where it stopped. A seeded campaign is reproducible: its strategy sees the
 * observations in proposal order, whatever order they finished in.
 *
 * <pre>{@code
 * CampaignOutcome outcome = CampaignRunner.builder(orion.tenant(TenantId.of("acme")))
 *         .name("Cu lattice").space(space).goal(Goal.minimize("energy_per_atom"))
 *         .strategy(Strategies.bayesian()).evaluator(evaluator)
 *         .stop(StopCriteria.builder().maxEvaluations(30).patience(5).build())
 *         .batchSize(2).seed(7).build()
 *         .run();
 * }</pre>
 *
 * <p>A runner is used by one thread at a time; two runners resuming the same campaign at once are
 * stopped by the store (an iteration can be recorded once).
 */
public final class CampaignRunner {

    private final OrionTenant tenant;
    private final CampaignSettings settings;
    private final Optional<ProjectId> project;

    private CampaignRunner(Builder b) {
        this.tenant = b.tenant;
        this.project = b.project;
        this.settings = new CampaignSettings(b.name, b.space, b.goal, b.strategy, b.evaluator, b.stop, b.batchSize,
                b.seed, b.pollInterval, b.listeners, b.proposalStep);
    }

    /** @param tenant the tenant whose store holds the campaign  @return a builder */
    public static Builder builder(OrionTenant tenant) {
        return new Builder(Objects.requireNonNull(tenant, "tenant"));
    }

    /**
     * Creates the campaign in the store and runs it to a stop.
     *
     * @return how it ended
     * @throws java.util.concurrent.CancellationException if the thread is interrupted (the campaign is
     *                                                    left PAUSED, ready to resume)
     * @throws RuntimeException                           whatever the strategy or the store throws (the
     *                                                    campaign is marked FAILED and can still be resumed)
     */
    public CampaignOutcome run() {
        NewCampaign n = NewCampaign.of(settings.name(), CampaignJson.spec(settings));
        CampaignRecord created = tenant.campaigns().create(project.map(n::inProject).orElse(n));
        return new CampaignRun(tenant, settings, created, false).execute();
    }

    /**
     * Continues a stored campaign with this runner's space, goal, strategy and evaluator, which must be the
     * ones it was created with (the same names, batch size, seed and objectives); the stop criteria may
     * differ (e.g. a larger budget).
     *
     * @param campaignId the stored campaign
     * @return how it ended
     * @throws NotFoundException        if this tenant has no such campaign
     * @throws IllegalArgumentException naming the setting that differs from the stored campaign's
     */
    public CampaignOutcome resume(String campaignId) {
        Objects.requireNonNull(campaignId, "campaignId");
        CampaignRecord stored = tenant.campaigns().find(campaignId)
                .orElseThrow(() -> new NotFoundException("campaign", campaignId));
        String expected = CampaignJson.spec(settings);
        if (!expected.equals(stored.specJson())) {
            throw new IllegalArgumentException("campaign " + campaignId + " was created with " + stored.specJson()
                    + "; this runner has " + expected);
        }
        return new CampaignRun(tenant, settings, stored, true).execute();
    }

    /**
     * The name under which a campaign's surrogate models are versioned in the tenant's model registry
     * ({@code OrionTenant.models()}). The runner registers the model behind each iteration's proposals
     * before the iteration is stored, and each stored proposal names its model's version
     * ({@link #modelVersions}).
     *
     * @param campaignId a campaign
     * @return {@code "campaign/" + campaignId}
     */
    public static String modelName(String campaignId) {
        return "campaign/" + Objects.requireNonNull(campaignId, "campaignId");
    }

    /**
     * Says which model version scored each proposal of a stored campaign.
     *
     * @param campaignId the stored campaign
     * @return per iteration (in order), the registry version of each proposal's model, empty for proposals
     *         made without a model (the initial design, random search)
     * @throws NotFoundException if this tenant has no such campaign
     */
    public List<List<OptionalInt>> modelVersions(String campaignId) {
        tenant.campaigns().find(Objects.requireNonNull(campaignId, "campaignId"))
                .orElseThrow(() -> new NotFoundException("campaign", campaignId));
        return tenant.campaigns().iterations(campaignId).stream()
                .map(it -> CampaignJson.modelVersions(it.stateJson())).toList();
    }

    /**
     * Adds an observation made outside the loop (a lab result, a calculation run by hand) to a stored
     * campaign. The strategy sees it from the next start or {@link #resume} on, ordered after every
     * iteration recorded so far, and never proposes its candidate again.
     *
     * @param campaignId  the stored campaign
     * @param observation what was observed
     * @return the stored observation's id
     * @throws NotFoundException        if this tenant has no such campaign
     * @throws IllegalArgumentException if the candidate is not in the campaign's space
     */
    public String addObservation(String campaignId, Observation observation) {
        Objects.requireNonNull(observation, "observation");
        CampaignRecord stored = tenant.campaigns().find(Objects.requireNonNull(campaignId, "campaignId"))
                .orElseThrow(() -> new NotFoundException("campaign", campaignId));
        if (!settings.space().isFeasible(observation.candidate())) {
            throw new IllegalArgumentException("candidate " + observation.candidate().id() + " is not in the space of campaign "
                    + campaignId + ": " + settings.space().violations(observation.candidate()));
        }
        Map<String, Double> values = new HashMap<>();
        observation.outcomes().forEach((k, m) -> values.put(k, m.value()));
        String id = tenant.campaigns().addObservation(campaignId, new NewObservation(stored.iterations(),
                CampaignJson.observation(CampaignJson.EXTERNAL, observation), values, Optional.empty(), Optional.empty())).id();
        tenant.provenance().link(ResourceRef.of("observation", id), "observed-in", ResourceRef.of("campaign", campaignId));
        return id;
    }

    /** Collects a runner's settings; space, goal, strategy, evaluator and stop criteria are required. */
    public static final class Builder {
        private final OrionTenant tenant;
        private String name = "campaign";
        private Optional<ProjectId> project = Optional.empty();
        private DesignSpace space;
        private Goal goal;
        private Strategy strategy;
        private Evaluator evaluator;
        private StopCriteria stop;
        private int batchSize = 1;
        private long seed;
        private Duration pollInterval = Duration.ofSeconds(1);
        private final List<CampaignListener> listeners = new ArrayList<>();
        private ProposalStep proposalStep = ProposalStep.STRATEGY;

        private Builder(OrionTenant tenant) {
            this.tenant = tenant;
        }

        /** @param name a label for the stored campaign (1-200 characters)  @return this builder (for chaining) */
        public Builder name(String name) {
            if (name == null || name.isBlank() || name.length() > 200) {
                throw new IllegalArgumentException("name must be 1-200 characters, got '" + name + "'");
            }
            this.name = name;
            return this;
        }

        /** @param project the project the campaign belongs to  @return this builder (for chaining) */
        public Builder project(ProjectId project) {
            this.project = Optional.of(Objects.requireNonNull(project, "project"));
            return this;
        }

        /** @param space where to search  @return this builder (for chaining) */
        public Builder space(DesignSpace space) {
            this.space = Objects.requireNonNull(space, "space");
            return this;
        }

        /** @param goal what to optimise  @return this builder (for chaining) */
        public Builder goal(Goal goal) {
            this.goal = Objects.requireNonNull(goal, "goal");
            return this;
        }

        /** @param strategy what proposes (it holds its surrogate and acquisition)  @return this builder (for chaining) */
        public Builder strategy(Strategy strategy) {
            this.strategy = Objects.requireNonNull(strategy, "strategy");
            return this;
        }

        /** @param evaluator what measures  @return this builder (for chaining) */
        public Builder evaluator(Evaluator evaluator) {
            this.evaluator = Objects.requireNonNull(evaluator, "evaluator");
            return this;
        }

        /** @param stop when to stop  @return this builder (for chaining) */
        public Builder stop(StopCriteria stop) {
            this.stop = Objects.requireNonNull(stop, "stop");
            return this;
        }

        /** @param q candidates proposed and evaluated together (&gt;= 1, default 1)  @return this builder (for chaining) */
        public Builder batchSize(int q) {
            if (q < 1) {
                throw new IllegalArgumentException("batchSize must be >= 1, got " + q);
            }
            this.batchSize = q;
            return this;
        }

        /** @param seed the seed of every random choice (default 0)  @return this builder (for chaining) */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * @param interval how long to wait between rounds of polling when no evaluation finished (default
         *                 1 s; a {@link JobEvaluator} waits on its jobs itself)
         * @return this builder (for chaining)
         */
        public Builder pollInterval(Duration interval) {
            if (interval == null || interval.isNegative()) {
                throw new IllegalArgumentException("pollInterval must be >= 0, got " + interval);
            }
            this.pollInterval = interval;
            return this;
        }

        /** @param listener hears every step  @return this builder (for chaining) */
        public Builder listener(CampaignListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * Replaces how each iteration's proposals are chosen (default {@link ProposalStep#STRATEGY}), e.g. by a
         * campaign agent. The step is not part of the stored campaign: a campaign may be resumed with or without it.
         *
         * @param step what proposes
         * @return this builder (for chaining)
         */
        public Builder proposalStep(ProposalStep step) {
            this.proposalStep = Objects.requireNonNull(step, "step");
            return this;
        }

        /**
         * @return the runner
         * @throws IllegalStateException naming the first required setting that is missing
         */
        public CampaignRunner build() {
            require(space, "space");
            require(goal, "goal");
            require(strategy, "strategy");
            require(evaluator, "evaluator");
            require(stop, "stop");
            return new CampaignRunner(this);
        }

        private static void require(Object value, String name) {
            if (value == null) {
                throw new IllegalStateException("CampaignRunner needs a " + name + "; call builder()." + name + "(...)");
            }
        }
    }

}
