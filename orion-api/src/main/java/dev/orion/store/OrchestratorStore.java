package dev.orion.store;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The orchestrator's persistent state in one tenant: settings per campaign, the campaign leases that let
 * one orchestrator run at a time across JVMs, finished-experiment signals, and the run history.
 *
 * <p>Leases are fenced: {@link #startRun} and {@link #finishRun} write only under the current, unexpired
 * lease, so a stalled orchestrator whose lease another took over writes nothing. Configuration,
 * activation, lease take-overs and runs are audited with resource type {@code "orchestrator"}.
 */
public interface OrchestratorStore {

    /**
     * Creates or replaces the settings of a campaign.
     *
     * @param settings the settings
     * @return them, as stored
     * @throws NotFoundException if this tenant has no such campaign
     */
    OrchestratorSettings save(OrchestratorSettings settings);

    /** @param campaignId campaign  @return its settings, if any were saved */
    Optional<OrchestratorSettings> find(String campaignId);

    /** @param activeOnly only active ones  @return every campaign's settings, by campaign id */
    List<OrchestratorSettings> list(boolean activeOnly);

    /**
     * @param campaignId campaign
     * @param active     whether the orchestrator should advance it
     * @return the changed settings
     * @throws NotFoundException if the campaign has no settings
     */
    OrchestratorSettings setActive(String campaignId, boolean active);

    /**
     * Records that an experiment of the campaign finished (the {@code afterExperiment} trigger).
     *
     * @param campaignId campaign
     * @return how many have finished so far
     * @throws NotFoundException if the campaign has no settings
     */
    long signalExperiment(String campaignId);

    /** @param campaignId campaign  @return how many experiments have finished (0 without settings) */
    long experimentSignals(String campaignId);

    /**
     * Takes the campaign's lease if nobody holds an unexpired one.
     *
     * @param campaignId campaign
     * @param owner      who takes it (1-200 characters)
     * @param ttl        how long it lasts (1 s to 1 day)
     * @return the lease (its fence one more than the previous holder's), or empty if another holds it
     */
    Optional<CampaignLease> acquire(String campaignId, String owner, Duration ttl);

    /** @param lease a held lease  @param ttl how long from now  @return the renewed lease, empty if it was lost */
    Optional<CampaignLease> renew(CampaignLease lease, Duration ttl);

    /** @param lease a held lease  @return false if it was lost */
    boolean release(CampaignLease lease);

    /**
     * Starts a run under a lease; runs of earlier fences still marked running become
     * {@link OrchestratorRunStatus#ABANDONED}.
     *
     * @param lease            the current lease
     * @param trigger          what started it (1-100 characters)
     * @param observationsSeen the campaign's observation count now
     * @param signalsSeen      the finished-experiment count now
     * @return the run
     * @throws ConflictException if the lease is lost or expired
     */
    OrchestratorRun startRun(CampaignLease lease, String trigger, long observationsSeen, long signalsSeen);

    /**
     * @param lease  the lease the run was started under
     * @param runId  the run
     * @param result what the step did
     * @return the finished run ({@link OrchestratorRunStatus#FAILED} when the result has an error)
     * @throws ConflictException if the lease is lost or expired, or the run is not running
     * @throws NotFoundException if there is no such run
     */
    OrchestratorRun finishRun(CampaignLease lease, String runId, OrchestratorRun.StepRecord result);

    /** @param campaignId campaign  @param page the page  @return its runs, oldest first unless the page says otherwise */
    Page<OrchestratorRun> runs(String campaignId, PageRequest page);

    /** @param campaignId campaign  @return its latest run, if any */
    Optional<OrchestratorRun> lastRun(String campaignId);

    /** @param campaignId campaign  @return totals over its runs */
    OrchestratorStats stats(String campaignId);
}
