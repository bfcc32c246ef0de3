package dev.orion.jupyter;

import dev.orion.store.CampaignRecord;
import dev.orion.store.JobRecord;
import dev.orion.store.LlmCall;
import dev.orion.store.LlmCallRecord;
import dev.orion.store.Page;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** HTML tables for stored records: jobs, campaigns, LLM calls, and pages of any of them. */
final class RecordHtml {

    /** Rows beyond this many are summarised; a page is normally smaller. */
    static final int MAX_ROWS = 200;

    private RecordHtml() {
    }

    static String job(JobRecord j) {
        return jobs(List.of(j), "Job " + j.id());
    }

    static String campaign(CampaignRecord c) {
        return campaigns(List.of(c), "Campaign " + c.name());
    }

    static String llmCall(LlmCallRecord r) {
        return llmCalls(List.of(r), "LLM call " + r.id());
    }

    /** A page renders as the table of its item type when all items share one, else as a list of their text. */
    static String page(Page<?> page) {
        List<?> items = page.items();
        String more = page.nextCursor().map(c -> " (more on the next page)").orElse("");
        String caption = items.size() + " item" + (items.size() == 1 ? "" : "s") + more;
        if (!items.isEmpty() && items.stream().allMatch(LlmCallRecord.class::isInstance)) {
            return llmCalls(items.stream().map(LlmCallRecord.class::cast).toList(), "LLM calls: " + caption);
        }
        if (!items.isEmpty() && items.stream().allMatch(JobRecord.class::isInstance)) {
            return jobs(items.stream().map(JobRecord.class::cast).toList(), "Jobs: " + caption);
        }
        if (!items.isEmpty() && items.stream().allMatch(CampaignRecord.class::isInstance)) {
            return campaigns(items.stream().map(CampaignRecord.class::cast).toList(), "Campaigns: " + caption);
        }
        Html.Table t = new Html.Table("orion-page", caption).header("#", "item");
        limit(items, t, (i, item) -> t.row(i, item));
        return t.toHtml();
    }

    private static String jobs(List<JobRecord> jobs, String caption) {
        Html.Table t = new Html.Table("orion-jobs", caption)
                .header("id", "engine", "executor", "status", "created", "started", "finished", "error");
        limit(jobs, t, (i, j) -> t.row(j.id(), j.engine(), j.executor(), j.status(), j.createdAt(),
                text(j.startedAt()), text(j.finishedAt()), text(j.error())));
        return t.toHtml();
    }

    private static String campaigns(List<CampaignRecord> campaigns, String caption) {
        Html.Table t = new Html.Table("orion-campaigns", caption)
                .header("id", "name", "status", "iterations", "created", "updated", "project");
        limit(campaigns, t, (i, c) -> t.row(c.id(), c.name(), c.status(), c.iterations(), c.createdAt(),
                c.updatedAt(), text(c.project())));
        return t.toHtml();
    }

    private static String llmCalls(List<LlmCallRecord> calls, String caption) {
        Html.Table t = new Html.Table("orion-llm-calls", caption).header("time", "profile", "provider", "model",
                "outcome", "tokens in", "tokens out", "cost", "latency (ms)", "cache hit", "fallback path", "error");
        BigDecimal[] total = {BigDecimal.ZERO};
        limit(calls, t, (i, r) -> {
            LlmCall c = r.call();
            total[0] = total[0].add(c.cost());
            t.row(c.time(), c.profile(), c.provider(), c.model(), c.outcome(), c.tokensIn(), c.tokensOut(),
                    c.cost().toPlainString(), c.latency().toMillis(), c.cacheHit() ? "yes" : "no",
                    String.join(" → ", c.fallbackPath()), text(c.error()));
        });
        if (calls.size() <= MAX_ROWS) {
            t.footer("total cost " + total[0].toPlainString());
        }
        return t.toHtml();
    }

    private interface RowWriter<T> {
        void write(int index, T item);
    }

    private static <T> void limit(List<T> items, Html.Table t, RowWriter<T> rows) {
        int shown = Math.min(items.size(), MAX_ROWS);
        for (int i = 0; i < shown; i++) {
            rows.write(i, items.get(i));
        }
        if (shown < items.size()) {
            t.footer((items.size() - shown) + " more rows not shown");
        }
    }

    private static String text(Optional<?> value) {
        return value.map(String::valueOf).orElse("");
    }
}
