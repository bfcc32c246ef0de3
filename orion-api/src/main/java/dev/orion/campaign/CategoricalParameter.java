package dev.orion.campaign;

import java.util.HashSet;
import java.util.List;

/**
 * A parameter that takes one of a few unordered values (a solvent, a crystal prototype, a functional).
 *
 * @param name       the name
 * @param categories the distinct values, at least one
 */
public record CategoricalParameter(String name, List<String> categories) implements Parameter {

    /** Validates and copies. */
    public CategoricalParameter {
        Checks.name("name", name);
        categories = Checks.nonEmpty("categories of " + name, categories);
        if (new HashSet<>(categories).size() != categories.size()) {
            throw new IllegalArgumentException("categories of " + name + " must be distinct, got " + categories);
        }
        categories.forEach(c -> Checks.name("category of " + name, c));
    }

    /** @param name name  @param categories the values  @return the parameter */
    public static CategoricalParameter of(String name, String... categories) {
        return new CategoricalParameter(name, List.of(categories));
    }

    /** @param category a value  @return its index, or -1 if it is not one of the categories */
    public int indexOf(String category) {
        return categories.indexOf(category);
    }
}
