package dev.orion.store;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The line differences between two versions of a workflow template: every line of both, in order, marked as kept,
 * removed (only in the older) or added (only in the newer), from a longest common subsequence of lines.
 *
 * @param name        the template's name
 * @param fromVersion the older version
 * @param toVersion   the newer version
 * @param lines       the lines
 */
public record WorkflowTemplateDiff(String name, int fromVersion, int toVersion, List<Line> lines) {

    /** Whether a line is in both versions or in one only. */
    public enum Change {
        /** In both versions. */
        KEPT,
        /** Only in the older version. */
        REMOVED,
        /** Only in the newer version. */
        ADDED
    }

    /**
     * One line of a diff.
     *
     * @param change whether it was kept, removed or added
     * @param text   the line, without its line terminator
     */
    public record Line(Change change, String text) {

        /** Validates. */
        public Line {
            Objects.requireNonNull(change, "change");
            Objects.requireNonNull(text, "text");
        }
    }

    /** Validates and copies. */
    public WorkflowTemplateDiff {
        Objects.requireNonNull(name, "name");
        lines = List.copyOf(lines);
    }

    /** @return true when the versions' texts have the same lines */
    public boolean unchanged() {
        return lines.stream().allMatch(l -> l.change() == Change.KEPT);
    }

    /** @return the lines added in the newer version */
    public List<String> added() {
        return lines.stream().filter(l -> l.change() == Change.ADDED).map(Line::text).toList();
    }

    /** @return the lines removed from the older version */
    public List<String> removed() {
        return lines.stream().filter(l -> l.change() == Change.REMOVED).map(Line::text).toList();
    }

    /** @return the diff as text, each line prefixed with {@code "  "}, {@code "- "} or {@code "+ "} */
    public String text() {
        return lines.stream().map(l -> switch (l.change()) {
            case KEPT -> "  ";
            case REMOVED -> "- ";
            case ADDED -> "+ ";
        } + l.text()).collect(Collectors.joining("\n"));
    }
}
