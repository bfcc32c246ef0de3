package dev.orion.core.campaign.runner;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orion.campaign.DesignSpace;
import dev.orion.campaign.Objective;
import dev.orion.campaign.Observation;
import dev.orion.core.OrionTenant;
import dev.orion.core.campaign.gp.GaussianProcess;
import dev.orion.core.plot.ChartFiles;
import dev.orion.core.plot.ParityPoint;
import dev.orion.core.plot.Plots;
import dev.orion.store.CampaignRecord;
import dev.orion.store.NotFoundException;
import dev.orion.store.ObservationRecord;
import dev.orion.store.Page;
import dev.orion.store.PageRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.knowm.xchart.XYChart;

/**
 * A self-contained HTML report of a stored campaign, readable offline: its settings, a plot of the best value
 * against evaluations (inline PNG, also written as {@code best.png} and {@code best.svg}), for two or more
 * objectives the Pareto front of the first two ({@code pareto.png}, {@code pareto.svg}), the best
 * candidates, and every observation with its iteration, value, job and failure. It reads only the store, so
 * it can be written for a campaign that is running or was run by another process. Given the campaign's design
 * space it also draws a surrogate parity plot ({@code parity.png}, {@code parity.svg}): a Gaussian process's
 * five-fold cross-validated predictions of the first objective against the observed values,
 * with error bars of two predicted standard deviations, and their RMSE.
 *
 * <pre>{@code
 * Path html = CampaignReport.write(tenant, outcome.campaignId(), Path.of("report"));
 * Path withParity = CampaignReport.write(tenant, outcome.campaignId(), Path.of("report"), space);
 * }</pre>
 */
public final class CampaignReport {

    private record Row(int iteration, int proposal, String candidate, double value, Map<String, Double> values,
                       String failure, String job) {
    }

    private CampaignReport() {
    }

    /**
     * @param tenant     the tenant that owns the campaign
     * @param campaignId the campaign
     * @param dir        the folder to write {@code report.html}, {@code best.png} and {@code best.svg} into (created)
     * @return the HTML file
     * @throws NotFoundException    if the tenant has no such campaign
     * @throws UncheckedIOException if a file cannot be written
     */
    public static Path write(OrionTenant tenant, String campaignId, Path dir) {
        return write(tenant, campaignId, dir, Optional.empty());
    }

    /**
     * Writes the report with a surrogate parity plot of the first objective when three or more observations of it
     * succeeded (a Gaussian process is fitted once per fold).
     *
     * @param tenant     the tenant that owns the campaign
     * @param campaignId the campaign
     * @param dir        the folder to write {@code report.html} and the plots into (created)
     * @param space      the campaign's design space (for a pool, the same pool), to read its candidates' features
     * @return the HTML file
     * @throws NotFoundException         if the tenant has no such campaign
     * @throws IllegalArgumentException  if a stored candidate is not in the given pool
     * @throws UncheckedIOException      if a file cannot be written
     */
    public static Path write(OrionTenant tenant, String campaignId, Path dir, DesignSpace space) {
        return write(tenant, campaignId, dir, Optional.of(Objects.requireNonNull(space, "space")));
    }

    private static Path write(OrionTenant tenant, String campaignId, Path dir, Optional<DesignSpace> space) {
        Objects.requireNonNull(dir, "dir");
        CampaignRecord c = tenant.campaigns().find(Objects.requireNonNull(campaignId, "campaignId"))
                .orElseThrow(() -> new NotFoundException("campaign", campaignId));
        JsonNode spec = CampaignJson.read(c.specJson());
        JsonNode objective = spec.path("objectives").path(0);
        String outcome = objective.path("outcome").asText();
        boolean maximize = "MAXIMIZE".equals(objective.path("direction").asText());
        List<ObservationRecord> records = records(tenant, campaignId);
        List<Row> rows = rows(records, outcome);
        try {
            Files.createDirectories(dir);
            XYChart chart = Plots.convergence(axis(spec, 0), rows.stream().mapToDouble(Row::value).toArray());
            String png = writeBoth(chart, dir, "best");
            String pareto = "";
            if (spec.path("objectives").size() >= 2) {
                Objective x = axis(spec, 0);
                Objective y = axis(spec, 1);
                List<Row> both = rows.stream().filter(r -> r.values().containsKey(x.outcome())
                        && r.values().containsKey(y.outcome())).toList();
                XYChart front = Plots.pareto(x, y, both.stream().mapToDouble(r -> r.values().get(x.outcome())).toArray(),
                        both.stream().mapToDouble(r -> r.values().get(y.outcome())).toArray());
                pareto = "<h2>Pareto front</h2>\n<img alt=\"Pareto front of the first two objectives\" src=\""
                        + writeBoth(front, dir, "pareto") + "\">\n";
            }
            String parity = space.map(sp -> parity(records, sp, outcome, dir)).orElse("");
            Path html = dir.resolve("report.html");
            Files.writeString(html, html(c, spec, rows, outcome, maximize, png).replace("<h2>Best candidates</h2>",
                    pareto + parity + "<h2>Best candidates</h2>"), StandardCharsets.UTF_8);
            return html;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report of campaign " + campaignId + " to " + dir, e);
        }
    }

    /** Writes {@code name.png} and {@code name.svg}. @return the PNG as a data URI */
    private static String writeBoth(XYChart chart, Path dir, String name) {
        ChartFiles.writeSvg(chart, dir.resolve(name + ".svg"));
        ChartFiles.writePng(chart, dir.resolve(name + ".png"));
        return ChartFiles.pngDataUri(chart);
    }

    private static List<ObservationRecord> records(OrionTenant tenant, String campaignId) {
        List<ObservationRecord> records = new ArrayList<>();
        PageRequest page = PageRequest.first(PageRequest.MAX_LIMIT);
        while (true) {
            Page<ObservationRecord> p = tenant.campaigns().observations(campaignId, page);
            records.addAll(p.items());
            if (!p.hasNext()) {
                return records;
            }
            page = p.next(page);
        }
    }

    private static List<Row> rows(List<ObservationRecord> records, String outcome) {
        // ids are read straight from the stored JSON: no design space is needed to report
        List<Row> rows = new ArrayList<>();
        for (ObservationRecord r : records) {
            JsonNode doc = CampaignJson.read(r.candidateJson());
            Double v = r.values().get(outcome);
            rows.add(new Row(r.iteration(), doc.path("proposal").asInt(), doc.path("candidate").path("id").asText(),
                    v == null ? Double.NaN : v, r.values(), doc.path("failure").asText(""), r.jobId().orElse("")));
        }
        rows.sort(Comparator.comparingInt(Row::iteration).thenComparingInt(Row::proposal));
        return rows;
    }

    // writes parity.png and parity.svg and returns the HTML section; nothing and "" if too few observations
    private static String parity(List<ObservationRecord> records, DesignSpace space, String outcome, Path dir) {
        List<Observation> observations = records.stream().map(r -> CampaignJson.readObservation(r.candidateJson(), space))
                .toList();
        List<ParityPoint> points = ParityPlot.crossValidate(observations, outcome, space, GaussianProcess.create());
        if (points.isEmpty()) {
            return "";
        }
        String png = writeBoth(ParityPlot.chart(points, outcome), dir, "parity");
        return "<h2>Surrogate parity</h2>\n<p>Gaussian process, " + Math.min(ParityPlot.FOLDS, points.size())
                + "-fold cross-validation over " + points.size() + " observations: RMSE "
                + String.format(Locale.ROOT, "%.4g", ParityPlot.rmse(points)) + "</p>\n"
                + "<img alt=\"cross-validated predictions against observed values\" src=\"" + png + "\">\n";
    }

    private static Objective axis(JsonNode spec, int i) {
        JsonNode o = spec.path("objectives").path(i);
        String outcome = o.path("outcome").asText();
        return "MAXIMIZE".equals(o.path("direction").asText()) ? Objective.maximize(outcome) : Objective.minimize(outcome);
    }

    private static String html(CampaignRecord c, JsonNode spec, List<Row> rows, String outcome, boolean maximize, String png) {
        StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>")
                .append(esc(c.name())).append("</title><style>body{font-family:sans-serif;margin:2em}"
                        + "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 8px;text-align:left}"
                        + ".fail{color:#a00}</style></head><body>\n");
        h.append("<h1>").append(esc(c.name())).append("</h1>\n<table>");
        row(h, "campaign", c.id());
        row(h, "status", c.status().name());
        row(h, "created", c.createdAt().toString());
        row(h, "updated", c.updatedAt().toString());
        for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) spec::fields) {
            row(h, e.getKey(), e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString());
        }
        long failures = rows.stream().filter(r -> !r.failure().isEmpty()).count();
        row(h, "evaluations", rows.size() + " (" + failures + " failed)");
        row(h, "iterations", Integer.toString(c.iterations()));
        h.append("</table>\n<h2>Best ").append(esc(outcome)).append(" against evaluations</h2>\n<img alt=\"best value against evaluations\" src=\"")
                .append(png).append("\">\n<h2>Best candidates</h2>\n<table><tr><th>candidate</th><th>")
                .append(esc(outcome)).append("</th><th>iteration</th><th>job</th></tr>\n");
        Comparator<Row> better = Comparator.comparingDouble(r -> maximize ? -r.value() : r.value());
        rows.stream().filter(r -> !Double.isNaN(r.value())).sorted(better).limit(10).forEach(r ->
                h.append("<tr><td>").append(esc(r.candidate())).append("</td><td>").append(r.value()).append("</td><td>")
                        .append(r.iteration()).append("</td><td>").append(esc(r.job())).append("</td></tr>\n"));
        h.append("</table>\n<h2>Every evaluation</h2>\n<table><tr><th>#</th><th>iteration</th><th>candidate</th><th>")
                .append(esc(outcome)).append("</th><th>job</th><th>failure</th></tr>\n");
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            h.append("<tr").append(r.failure().isEmpty() ? "" : " class=\"fail\"").append("><td>").append(i + 1)
                    .append("</td><td>").append(r.iteration()).append("</td><td>").append(esc(r.candidate())).append("</td><td>")
                    .append(Double.isNaN(r.value()) ? "" : Double.toString(r.value())).append("</td><td>").append(esc(r.job()))
                    .append("</td><td>").append(esc(r.failure())).append("</td></tr>\n");
        }
        return h.append("</table>\n</body></html>\n").toString();
    }

    private static void row(StringBuilder h, String key, String value) {
        h.append("<tr><th>").append(esc(key)).append("</th><td>").append(esc(value)).append("</td></tr>\n");
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
