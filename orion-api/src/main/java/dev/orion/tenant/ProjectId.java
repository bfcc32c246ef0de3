package dev.orion.tenant;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Identifies a project inside a tenant; used to group data and to scope budgets and usage.
 *
 * <p>A project id is 1 to 128 characters of letters, digits, {@code . _ -}; it is unique only
 * within its tenant.
 *
 * @param value the project id
 */
public record ProjectId(String value) implements Comparable<ProjectId> {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    /**
     * Validates the id.
     *
     * @param value the project id
     */
    public ProjectId {
        Objects.requireNonNull(value, "project id value");
        if (!NAME.matcher(value).matches()) {
            throw new IllegalArgumentException("project id must be 1-128 characters [A-Za-z0-9._-] "
                    + "starting with a letter or digit, got '" + value + "'");
        }
    }

    /**
     * Returns the project id for a name.
     *
     * @param value the name, e.g. {@code "battery-cathodes"}
     * @return the project id
     */
    public static ProjectId of(String value) {
        return new ProjectId(value);
    }

    @Override
    public int compareTo(ProjectId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
