package dev.orion.store;

import dev.orion.structure.Element;
import dev.orion.structure.Structure;
import dev.orion.tenant.ProjectId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A stored structure: the {@link Structure} itself (equal to the one saved), the facts the store
 * derived from it for searching, free-form metadata, tags and computed numeric properties (band
 * gap, formation energy, ...). Formula, reduced formula, elements and site count are read from the
 * structure, so they always agree with it; the space group is computed once, when it was saved.
 *
 * @param id         the id assigned by the store
 * @param project    the project it belongs to, if any
 * @param name       a label
 * @param structure  the structure, equal to the one saved
 * @param spaceGroup the international space-group number (1-230) the store found when saving, empty
 *                   when it did not look (disordered or large structures) or found none
 * @param metadata   free-form string metadata (source, DOI, ...)
 * @param tags       tags for grouping and search
 * @param properties computed properties by name
 * @param createdAt  when it was stored
 * @param updatedAt  when it last changed
 * @param version    incremented on every change (optimistic concurrency)
 */
public record StructureRecord(String id, Optional<ProjectId> project, String name, Structure structure,
                              OptionalInt spaceGroup, Map<String, String> metadata, Set<String> tags,
                              Map<String, Double> properties, Instant createdAt, Instant updatedAt, long version) {

    /** Validates and copies. */
    public StructureRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(structure, "structure");
        Objects.requireNonNull(spaceGroup, "spaceGroup");
        metadata = Map.copyOf(metadata);
        tags = Set.copyOf(tags);
        properties = Map.copyOf(properties);
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** @return the full formula of the cell, e.g. {@code "Fe4 O6"} */
    public String formula() {
        return structure.formula();
    }

    /** @return the reduced formula, e.g. {@code "Fe2O3"} (what {@link StructureFilter#withReducedFormula} matches) */
    public String reducedFormula() {
        return structure.composition().reducedFormula();
    }

    /** @return the elements present, in formula order */
    public List<Element> elements() {
        return structure.composition().elements();
    }

    /** @return the number of sites */
    public int nsites() {
        return structure.size();
    }
}
