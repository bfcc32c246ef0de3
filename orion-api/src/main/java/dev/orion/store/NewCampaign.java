package dev.orion.store;

import dev.orion.tenant.ProjectId;
import java.util.Objects;
import java.util.Optional;

/**
 * What to store for a new campaign; it starts in {@link CampaignStatus#CREATED}.
 *
 * @param project  the project, if any
 * @param name     a label (1-200 characters)
 * @param specJson the definition as JSON
 */
public record NewCampaign(Optional<ProjectId> project, String name, String specJson) {

    /** Validates. */
    public NewCampaign {
        Objects.requireNonNull(project, "project");
        StoreArguments.text("name", name, 200);
        Objects.requireNonNull(specJson, "specJson");
    }

    /** @param name label  @param specJson definition  @return a campaign without project */
    public static NewCampaign of(String name, String specJson) {
        return new NewCampaign(Optional.empty(), name, specJson);
    }

    /** @param p project  @return a copy in project {@code p} */
    public NewCampaign inProject(ProjectId p) {
        return new NewCampaign(Optional.of(p), name, specJson);
    }
}
