package dev.orion.store;

import dev.orion.tenant.ProjectId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A stored design campaign.
 *
 * @param id         the id assigned by the store
 * @param project    the project, if any
 * @param name       a label
 * @param specJson   the campaign definition (design space, objective, strategy) as JSON
 * @param status     the lifecycle state
 * @param iterations how many iterations are recorded
 * @param createdAt  when created
 * @param updatedAt  when last changed
 * @param version    incremented on every change
 */
public record CampaignRecord(String id, Optional<ProjectId> project, String name, String specJson,
                             CampaignStatus status, int iterations, Instant createdAt, Instant updatedAt,
                             long version) {

    /** Validates. */
    public CampaignRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(specJson, "specJson");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
