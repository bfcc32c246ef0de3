package dev.orion.samples.spring;

import dev.orion.store.LlmCall;
import dev.orion.store.LlmCallOutcome;
import dev.orion.store.UsageGranularity;
import dev.orion.tenant.ProjectId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sums a tenant's LLM calls by period (UTC day or month), project and feature: the usage and cost view of the
 * admin page, computed from the router's call records as they are read, so it needs no table of its own.
 */
final class UsageSums {

    static final String CSV_HEADER = "period,project,feature,calls,failures,tokens_in,tokens_out,cost_usd";

    private final UsageGranularity granularity;
    private final Map<String, Row> rows = new TreeMap<>();

    UsageSums(UsageGranularity granularity) {
        this.granularity = granularity;
    }

    /**
     * Usage summed over one period, project and feature.
     *
     * @param period    the first day of the period
     * @param project   the project ({@code ""} for calls without one)
     * @param feature   the feature ({@code ""} for calls without one)
     * @param calls     calls
     * @param failures  calls that did not succeed
     * @param tokensIn  prompt tokens
     * @param tokensOut completion tokens
     * @param costUsd   cost in USD
     */
    record Row(LocalDate period, String project, String feature, long calls, long failures, long tokensIn, long tokensOut,
               BigDecimal costUsd) {

        Row plus(LlmCall c) {
            return new Row(period, project, feature, calls + 1, failures + (c.outcome() == LlmCallOutcome.SUCCESS ? 0 : 1),
                    tokensIn + c.tokensIn(), tokensOut + c.tokensOut(), costUsd.add(c.cost()));
        }

        String toCsvRow() {
            return String.join(",", period.toString(), csv(project), csv(feature), Long.toString(calls), Long.toString(failures),
                    Long.toString(tokensIn), Long.toString(tokensOut), costUsd.toPlainString());
        }
    }

    /** @param c a call to add */
    void add(LlmCall c) {
        LocalDate day = c.time().atZone(ZoneOffset.UTC).toLocalDate();
        LocalDate period = granularity == UsageGranularity.MONTH ? day.withDayOfMonth(1) : day;
        String project = c.project().map(ProjectId::value).orElse("");
        String feature = c.feature().orElse("");
        rows.compute(period + "\u0000" + project + "\u0000" + feature,
                (k, r) -> (r == null ? new Row(period, project, feature, 0, 0, 0, 0, BigDecimal.ZERO) : r).plus(c));
    }

    /** @return the sums, newest period first, then by project and feature */
    List<Row> rows() {
        List<Row> out = new ArrayList<>(rows.values());
        out.sort(Comparator.comparing(Row::period).reversed().thenComparing(Row::project).thenComparing(Row::feature));
        return List.copyOf(out);
    }

    /** @param out where to write the sums as CSV, with a header line */
    void writeCsv(Appendable out) {
        try {
            out.append(CSV_HEADER).append('\n');
            for (Row r : rows()) {
                out.append(r.toCsvRow()).append('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing the usage CSV failed", e);
        }
    }

    private static String csv(String field) {
        boolean quote = field.indexOf(',') >= 0 || field.indexOf('"') >= 0 || field.indexOf('\n') >= 0 || field.indexOf('\r') >= 0;
        return quote ? '"' + field.replace("\"", "\"\"") + '"' : field;
    }
}
