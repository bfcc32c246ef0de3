package dev.orion.store;

import dev.orion.tenant.ProjectId;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What to store for a new structure; the store assigns id, times and version.
 *
 * @param project    the project, if any
 * @param name       a label (1-200 characters)
 * @param formula    the reduced formula
 * @param nsites     the number of sites (>= 0)
 * @param json       the structure as JSON
 * @param metadata   free-form metadata
 * @param tags       tags (each 1-100 characters)
 * @param properties computed properties (finite numbers)
 */
public record NewStructure(Optional<ProjectId> project, String name, String formula, int nsites, String json,
                           Map<String, String> metadata, Set<String> tags, Map<String, Double> properties) {

    /** Validates and copies. */
    public NewStructure {
        Objects.requireNonNull(project, "project");
        StoreArguments.text("name", name, 200);
        StoreArguments.text("formula", formula, 200);
        if (nsites < 0) {
            throw new IllegalArgumentException("nsites must be >= 0, got " + nsites);
        }
        Objects.requireNonNull(json, "json");
        metadata = StoreArguments.metadata(metadata);
        tags = StoreArguments.tags(tags);
        properties = StoreArguments.properties(properties);
    }

    /**
     * @param name    a label
     * @param formula the reduced formula
     * @param nsites  the number of sites
     * @param json    the structure as JSON
     * @return a structure without project, metadata, tags or properties
     */
    public static NewStructure of(String name, String formula, int nsites, String json) {
        return new NewStructure(Optional.empty(), name, formula, nsites, json, Map.of(), Set.of(), Map.of());
    }

    /** @param p the project  @return a copy in project {@code p} */
    public NewStructure inProject(ProjectId p) {
        return new NewStructure(Optional.of(p), name, formula, nsites, json, metadata, tags, properties);
    }

    /** @param t the tags  @return a copy with these tags */
    public NewStructure withTags(Set<String> t) {
        return new NewStructure(project, name, formula, nsites, json, metadata, t, properties);
    }

    /** @param m the metadata  @return a copy with this metadata */
    public NewStructure withMetadata(Map<String, String> m) {
        return new NewStructure(project, name, formula, nsites, json, m, tags, properties);
    }

    /** @param p the properties  @return a copy with these properties */
    public NewStructure withProperties(Map<String, Double> p) {
        return new NewStructure(project, name, formula, nsites, json, metadata, tags, p);
    }
}
