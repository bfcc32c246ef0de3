package dev.orion.store;

import dev.orion.tenant.ProjectId;
import java.util.Objects;
import java.util.Optional;

/**
 * Selects structures; empty fields match everything. Start from {@link #all()} and narrow with the
 * {@code with...} methods.
 *
 * @param project     only this project
 * @param formula     only this exact reduced formula
 * @param tag         only structures carrying this tag
 * @param nameContains only names containing this text (case-sensitive)
 * @param property    only structures having this computed property
 */
public record StructureFilter(Optional<ProjectId> project, Optional<String> formula, Optional<String> tag,
                              Optional<String> nameContains, Optional<String> property) {

    /** Validates. */
    public StructureFilter {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(formula, "formula");
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(nameContains, "nameContains");
        Objects.requireNonNull(property, "property");
    }

    /** @return a filter matching every structure */
    public static StructureFilter all() {
        return new StructureFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** @param p project  @return narrowed filter */
    public StructureFilter withProject(ProjectId p) {
        return new StructureFilter(Optional.of(p), formula, tag, nameContains, property);
    }

    /** @param f formula  @return narrowed filter */
    public StructureFilter withFormula(String f) {
        return new StructureFilter(project, Optional.of(f), tag, nameContains, property);
    }

    /** @param t tag  @return narrowed filter */
    public StructureFilter withTag(String t) {
        return new StructureFilter(project, formula, Optional.of(t), nameContains, property);
    }

    /** @param text name fragment  @return narrowed filter */
    public StructureFilter withNameContaining(String text) {
        return new StructureFilter(project, formula, tag, Optional.of(text), property);
    }

    /** @param name property name  @return narrowed filter */
    public StructureFilter withProperty(String name) {
        return new StructureFilter(project, formula, tag, nameContains, Optional.of(name));
    }
}
