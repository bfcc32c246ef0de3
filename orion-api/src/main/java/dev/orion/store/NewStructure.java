package dev.orion.store;

import dev.orion.structure.Structure;
import dev.orion.tenant.ProjectId;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What to store for a new structure; the store assigns id, times and version, and derives the
 * searchable facts (formula, reduced formula, elements, site count, space group) from the
 * structure itself, so they cannot disagree with it.
 *
 * <pre>{@code
 * StructureRecord r = acme.structures().save(NewStructure.of("Cu fcc", cu)
 *         .withTags(Set.of("metal")).withProperties(Map.of("e_form", -0.01)));
 * r.structure().equals(cu);   // true
 * }</pre>
 *
 * @param project    the project, if any
 * @param name       a label (1-200 characters)
 * @param structure  the periodic structure to store
 * @param metadata   free-form metadata
 * @param tags       tags (each 1-100 characters)
 * @param properties computed properties (finite numbers)
 */
public record NewStructure(Optional<ProjectId> project, String name, Structure structure,
                           Map<String, String> metadata, Set<String> tags, Map<String, Double> properties) {

    /** Validates and copies. */
    public NewStructure {
        Objects.requireNonNull(project, "project");
        StoreArguments.text("name", name, 200);
        Objects.requireNonNull(structure, "structure");
        metadata = StoreArguments.metadata(metadata);
        tags = StoreArguments.tags(tags);
        properties = StoreArguments.properties(properties);
    }

    /**
     * @param name      a label (1-200 characters)
     * @param structure the structure
     * @return a structure without project, metadata, tags or properties
     */
    public static NewStructure of(String name, Structure structure) {
        return new NewStructure(Optional.empty(), name, structure, Map.of(), Set.of(), Map.of());
    }

    /** @param p the project  @return a copy in project {@code p} */
    public NewStructure inProject(ProjectId p) {
        return new NewStructure(Optional.of(p), name, structure, metadata, tags, properties);
    }

    /** @param t the tags  @return a copy with these tags */
    public NewStructure withTags(Set<String> t) {
        return new NewStructure(project, name, structure, metadata, t, properties);
    }

    /** @param m the metadata  @return a copy with this metadata */
    public NewStructure withMetadata(Map<String, String> m) {
        return new NewStructure(project, name, structure, m, tags, properties);
    }

    /** @param p the properties  @return a copy with these properties */
    public NewStructure withProperties(Map<String, Double> p) {
        return new NewStructure(project, name, structure, metadata, tags, p);
    }
}
