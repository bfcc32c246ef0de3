package dev.orion.store;

import java.util.List;
import java.util.Optional;

/**
 * Stores campaigns of one tenant with their iterations and observations, so that a campaign killed
 * at any point resumes from the store. Mutations are audited with resource type {@code "campaign"}.
 */
public interface CampaignStore {

    /** @param campaign what to store  @return the stored campaign */
    CampaignRecord create(NewCampaign campaign);

    /** @param id the id  @return the campaign, empty if this tenant has none with that id */
    Optional<CampaignRecord> find(String id);

    /**
     * @param id     the campaign
     * @param status the new state
     * @return the updated campaign
     * @throws NotFoundException if there is no such campaign
     */
    CampaignRecord updateStatus(String id, CampaignStatus status);

    /**
     * Records the next iteration; its index must be exactly the current iteration count, so two
     * runners cannot record the same iteration.
     *
     * @param campaignId the campaign
     * @param index      the iteration index
     * @param stateJson  the state to resume from
     * @return the recorded iteration
     * @throws NotFoundException if there is no such campaign
     * @throws ConflictException if {@code index} is not the next index
     */
    IterationRecord recordIteration(String campaignId, int index, String stateJson);

    /** @param campaignId the campaign  @return its iterations in order (empty if none or unknown) */
    List<IterationRecord> iterations(String campaignId);

    /** @param campaignId the campaign  @return the last iteration, if any */
    Optional<IterationRecord> latestIteration(String campaignId);

    /**
     * @param campaignId  the campaign
     * @param observation what was observed
     * @return the recorded observation
     * @throws NotFoundException if there is no such campaign
     */
    ObservationRecord addObservation(String campaignId, NewObservation observation);

    /** @param campaignId the campaign  @param page the page  @return its observations */
    Page<ObservationRecord> observations(String campaignId, PageRequest page);

    /** @param filter the filter  @param page the page  @return matching campaigns */
    Page<CampaignRecord> query(CampaignFilter filter, PageRequest page);
}
