package dev.orion.store;

import dev.orion.tenant.ProjectId;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Selects campaigns; empty fields match everything.
 *
 * @param project  only this project
 * @param statuses only these states (empty: any)
 */
public record CampaignFilter(Optional<ProjectId> project, Set<CampaignStatus> statuses) {

    /** Validates and copies. */
    public CampaignFilter {
        Objects.requireNonNull(project, "project");
        statuses = Set.copyOf(statuses);
    }

    /** @return a filter matching every campaign */
    public static CampaignFilter all() {
        return new CampaignFilter(Optional.empty(), Set.of());
    }

    /** @param p project  @return narrowed filter */
    public CampaignFilter withProject(ProjectId p) {
        return new CampaignFilter(Optional.of(p), statuses);
    }

    /** @param s states  @return narrowed filter */
    public CampaignFilter withStatus(CampaignStatus... s) {
        return new CampaignFilter(project, Set.of(s));
    }
}
