package dev.orion.store;

import dev.orion.tenant.ProjectId;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A stored structure: the structure itself as opaque JSON plus searchable columns, free-form
 * metadata, tags and computed numeric properties (band gap, formation energy, ...).
 *
 * @param id         the id assigned by the store
 * @param project    the project it belongs to, if any
 * @param name       a label
 * @param formula    the reduced formula, e.g. {@code "Fe2O3"} (searchable)
 * @param nsites     the number of sites
 * @param json       the structure serialised as JSON by the structure module
 * @param metadata   free-form string metadata (source, DOI, ...)
 * @param tags       tags for grouping and search
 * @param properties computed properties by name
 * @param createdAt  when it was stored
 * @param updatedAt  when it last changed
 * @param version    incremented on every change (optimistic concurrency)
 */
public record StructureRecord(String id, Optional<ProjectId> project, String name, String formula, int nsites,
                              String json, Map<String, String> metadata, Set<String> tags,
                              Map<String, Double> properties, Instant createdAt, Instant updatedAt,
                              long version) {

    /** Validates and copies. */
    public StructureRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(formula, "formula");
        Objects.requireNonNull(json, "json");
        metadata = Map.copyOf(metadata);
        tags = Set.copyOf(tags);
        properties = Map.copyOf(properties);
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
