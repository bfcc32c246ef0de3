package dev.orion.store.internal;

import dev.orion.store.ConflictException;
import dev.orion.store.NewWorkflowTemplate;
import dev.orion.store.NotFoundException;
import dev.orion.store.WorkflowTemplateDiff;
import dev.orion.store.WorkflowTemplateDiff.Change;
import dev.orion.store.WorkflowTemplateDiff.Line;
import dev.orion.store.WorkflowTemplateRecord;
import dev.orion.store.WorkflowTemplateState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/** The rules both workflow-template stores share: what a search matches and how two versions are compared. */
public final class TemplateRules {

    /** Above this many lines per side the diff would need too much memory (an n×m table). */
    private static final int MAX_DIFF_LINES = 20_000;

    private TemplateRules() {
    }

    /**
     * @param latest the latest version of the name, if any
     * @param hash   the hash of the text being saved
     * @param draft  whether it is a model's draft ({@code saveDraft}) or a person's save
     * @return the latest version, if saving the text changes nothing
     */
    public static Optional<WorkflowTemplateRecord> unchanged(Optional<WorkflowTemplateRecord> latest, String hash, boolean draft) {
        return latest.filter(l -> l.contentHash().equals(hash)
                && (draft ? l.state() != WorkflowTemplateState.REJECTED : l.state() == WorkflowTemplateState.APPROVED));
    }

    /**
     * @param stored the version, if stored
     * @param name   its name
     * @param version its version
     * @return it, awaiting approval
     * @throws NotFoundException if not stored
     * @throws ConflictException if not awaiting approval
     */
    public static WorkflowTemplateRecord awaiting(Optional<WorkflowTemplateRecord> stored, String name, int version) {
        WorkflowTemplateRecord r = stored.orElseThrow(() -> new NotFoundException("workflow-template", name + "@" + version));
        if (r.state() != WorkflowTemplateState.AWAITING_APPROVAL) {
            throw new ConflictException("workflow template " + r.id() + " is " + r.state() + ", not awaiting approval");
        }
        return r;
    }

    /**
     * @param reason a rejection's reason argument
     * @return it
     * @throws IllegalArgumentException if too long
     */
    public static String reason(String reason) {
        if (java.util.Objects.requireNonNull(reason, "reason").length() > NewWorkflowTemplate.MAX_DESCRIPTION_LENGTH) {
            throw new IllegalArgumentException("reason is " + reason.length() + " characters, above " + NewWorkflowTemplate.MAX_DESCRIPTION_LENGTH);
        }
        return reason;
    }

    /** @param draft whether a draft is saved  @return the audit action of a new version */
    public static String saveAction(boolean draft) {
        return draft ? "draft" : "save";
    }

    /**
     * @param text words that must all occur, ignoring case, in the name, description or content
     * @param tags tags that must all be on the template
     * @return the test of a template version
     */
    public static Predicate<WorkflowTemplateRecord> matching(String text, Set<String> tags) {
        List<String> words = Arrays.stream(text.toLowerCase(Locale.ROOT).split("\\s+")).filter(w -> !w.isEmpty()).toList();
        Set<String> wanted = Set.copyOf(tags);
        return r -> {
            if (!r.tags().containsAll(wanted)) {
                return false;
            }
            String haystack = (r.name() + "\n" + r.description() + "\n" + r.content()).toLowerCase(Locale.ROOT);
            return words.stream().allMatch(haystack::contains);
        };
    }

    /**
     * @param name the template's name
     * @param from the older version, if stored
     * @param to   the newer version, if stored
     * @param fromVersion the older version's number
     * @param toVersion   the newer version's number
     * @return their line diff
     * @throws NotFoundException if either is absent
     */
    public static WorkflowTemplateDiff diff(String name, Optional<WorkflowTemplateRecord> from, Optional<WorkflowTemplateRecord> to,
                                            int fromVersion, int toVersion) {
        String a = from.orElseThrow(() -> new NotFoundException("workflow-template", name + "@" + fromVersion)).content();
        String b = to.orElseThrow(() -> new NotFoundException("workflow-template", name + "@" + toVersion)).content();
        return new WorkflowTemplateDiff(name, fromVersion, toVersion, lines(a.lines().toList(), b.lines().toList()));
    }

    /** A longest-common-subsequence line diff: removals before additions at each change. */
    static List<Line> lines(List<String> a, List<String> b) {
        if (a.size() > MAX_DIFF_LINES || b.size() > MAX_DIFF_LINES) {
            throw new IllegalArgumentException("cannot diff templates of " + a.size() + " and " + b.size()
                    + " lines; the limit is " + MAX_DIFF_LINES);
        }
        int n = a.size();
        int m = b.size();
        int[][] common = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                common[i][j] = a.get(i).equals(b.get(j)) ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<Line> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a.get(i).equals(b.get(j))) {
                out.add(new Line(Change.KEPT, a.get(i++)));
                j++;
            } else if (j == m || (i < n && common[i + 1][j] >= common[i][j + 1])) {
                out.add(new Line(Change.REMOVED, a.get(i++)));
            } else {
                out.add(new Line(Change.ADDED, b.get(j++)));
            }
        }
        return out;
    }
}
