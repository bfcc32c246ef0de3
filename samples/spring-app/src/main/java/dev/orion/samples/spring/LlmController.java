package dev.orion.samples.spring;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orion.core.OrionTenant;
import dev.orion.store.LlmCall;
import dev.orion.store.LlmCallAggregate;
import dev.orion.store.LlmCallFilter;
import dev.orion.store.LlmCallGrouping;
import dev.orion.store.LlmCallOutcome;
import dev.orion.store.LlmCallRecord;
import dev.orion.store.NotFoundException;
import dev.orion.store.UsageGranularity;
import dev.orion.tenant.ProjectId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The tenant's LLM calls, usage and cost: every routed call as the router recorded it (filters, pages,
 * CSV/JSON export), usage and cost summed by day or month, project and feature, and per-model (or per-profile,
 * per-experiment-variant, ...) analytics.
 */
@RestController
@RequestMapping("/api/llm")
@Tag(name = "llm", description = "LLM calls, usage, cost and analytics (scope llm:read)")
class LlmController {

    private static final Instant END_OF_TIME = Instant.parse("9999-12-31T00:00:00Z");
    private final ObjectMapper json;

    LlmController(ObjectMapper json) {
        this.json = json;
    }

    /**
     * One LLM call.
     *
     * @param id           its id
     * @param time         when it ended
     * @param project      the project it was for
     * @param feature      the feature that made it
     * @param profile      the profile
     * @param provider     the provider that answered (or last failed)
     * @param model        the model
     * @param experiment   the A/B experiment and variant, when one assigned it
     * @param tokensIn     prompt tokens
     * @param tokensOut    completion tokens
     * @param costUsd      cost in USD
     * @param latencyMs    latency in milliseconds
     * @param outcome      success, error, ...
     * @param cacheHit     whether the router's cache answered
     * @param fallbackPath the models tried, in order
     * @param error        the error, when it failed
     */
    record CallView(String id, Instant time, Optional<String> project, Optional<String> feature, String profile, String provider,
                    String model, Optional<String> experiment, long tokensIn, long tokensOut, BigDecimal costUsd, long latencyMs,
                    LlmCallOutcome outcome, boolean cacheHit, List<String> fallbackPath, Optional<String> error) {
        static CallView of(LlmCallRecord r) {
            LlmCall c = r.call();
            return new CallView(r.id(), c.time(), c.project().map(ProjectId::value), c.feature(), c.profile(), c.provider(),
                    c.model(), c.experiment(), c.tokensIn(), c.tokensOut(), c.cost(), c.latency().toMillis(), c.outcome(),
                    c.cacheHit(), c.fallbackPath(), c.error());
        }
    }

    /**
     * Calls summed by one key.
     *
     * @param key           the model, profile, experiment variant, ... ({@code groupBy})
     * @param calls         calls
     * @param failures      calls that failed
     * @param cacheHits     calls the cache answered
     * @param tokensIn      prompt tokens
     * @param tokensOut     completion tokens
     * @param costUsd       USD
     * @param meanLatencyMs mean latency in milliseconds
     * @param maxLatencyMs  largest latency in milliseconds
     */
    record AggregateView(String key, long calls, long failures, long cacheHits, long tokensIn, long tokensOut,
                         BigDecimal costUsd, long meanLatencyMs, long maxLatencyMs) {
        static AggregateView of(LlmCallAggregate a) {
            return new AggregateView(a.key(), a.calls(), a.failures(), a.cacheHits(), a.tokensIn(), a.tokensOut(), a.cost(),
                    a.meanLatency().toMillis(), a.maxLatency().toMillis());
        }
    }

    @GetMapping("/calls")
    @Operation(summary = "Query LLM calls, newest first; from/to are ISO-8601 instants")
    Paging.PageBody<CallView> calls(OrionTenant tenant, @RequestParam Optional<String> project,
                                    @RequestParam Optional<String> feature, @RequestParam Optional<String> profile,
                                    @RequestParam Optional<String> model, @RequestParam Optional<LlmCallOutcome> outcome,
                                    @RequestParam Optional<String> from, @RequestParam Optional<String> to,
                                    @RequestParam(defaultValue = "50") int limit, @RequestParam Optional<String> cursor) {
        LlmCallFilter filter = callFilter(project, feature, profile, model, outcome, from, to);
        return Paging.body(tenant.llmCalls().query(filter, Paging.request(limit, cursor)), CallView::of);
    }

    @GetMapping("/calls/{id}")
    @Operation(summary = "One LLM call")
    CallView call(OrionTenant tenant, @PathVariable String id) {
        return tenant.llmCalls().find(id).map(CallView::of).orElseThrow(() -> new NotFoundException("llm call", id));
    }

    @GetMapping("/calls/export")
    @Operation(summary = "Export LLM calls (the same filters) as CSV or JSON")
    ResponseEntity<StreamingResponseBody> exportCalls(OrionTenant tenant, @RequestParam(defaultValue = "csv") String format,
                                                      @RequestParam Optional<String> project,
                                                      @RequestParam Optional<String> feature,
                                                      @RequestParam Optional<String> profile,
                                                      @RequestParam Optional<String> model,
                                                      @RequestParam Optional<LlmCallOutcome> outcome,
                                                      @RequestParam Optional<String> from, @RequestParam Optional<String> to) {
        Exports.Format f = Exports.Format.of(format);
        LlmCallFilter filter = callFilter(project, feature, profile, model, outcome, from, to);
        return Exports.download("llm-calls-" + tenant.tenant().value(), f, w -> {
            if (f == Exports.Format.CSV) {
                tenant.llmCalls().exportCsv(filter, w);
            } else {
                List<CallView> all = new ArrayList<>();
                tenant.llmCalls().forEach(filter, r -> all.add(CallView.of(r)));
                write(w, all);
            }
        });
    }

    @GetMapping("/usage")
    @Operation(summary = "Usage and cost of the tenant's LLM calls summed by period (DAY or MONTH, UTC), project and feature")
    List<UsageSums.Row> usage(OrionTenant tenant, @RequestParam(defaultValue = "DAY") UsageGranularity granularity,
                              @RequestParam Optional<String> project, @RequestParam Optional<String> feature,
                              @RequestParam Optional<String> profile, @RequestParam Optional<String> from,
                              @RequestParam Optional<String> to) {
        return sums(tenant, granularity, callFilter(project, feature, profile, Optional.empty(), Optional.empty(), from, to)).rows();
    }

    @GetMapping("/usage/export")
    @Operation(summary = "Export the usage sums (the same filters) as CSV or JSON")
    ResponseEntity<StreamingResponseBody> exportUsage(OrionTenant tenant, @RequestParam(defaultValue = "csv") String format,
                                                      @RequestParam(defaultValue = "DAY") UsageGranularity granularity,
                                                      @RequestParam Optional<String> project,
                                                      @RequestParam Optional<String> feature,
                                                      @RequestParam Optional<String> profile,
                                                      @RequestParam Optional<String> from, @RequestParam Optional<String> to) {
        Exports.Format f = Exports.Format.of(format);
        LlmCallFilter filter = callFilter(project, feature, profile, Optional.empty(), Optional.empty(), from, to);
        return Exports.download("usage-" + tenant.tenant().value(), f, w -> {
            UsageSums sums = sums(tenant, granularity, filter);
            if (f == Exports.Format.CSV) {
                sums.writeCsv(w);
            } else {
                write(w, sums.rows());
            }
        });
    }

    private static UsageSums sums(OrionTenant tenant, UsageGranularity granularity, LlmCallFilter filter) {
        UsageSums sums = new UsageSums(granularity);
        tenant.llmCalls().forEach(filter, r -> sums.add(r.call()));
        return sums;
    }

    @GetMapping("/analytics")
    @Operation(summary = "Calls, failures, cache hits, tokens, cost and latency grouped by MODEL, PROFILE, PROVIDER, PROJECT,"
            + " OUTCOME, EXPERIMENT (A/B variants) or DAY")
    List<AggregateView> analytics(OrionTenant tenant, @RequestParam(defaultValue = "MODEL") LlmCallGrouping groupBy,
                                  @RequestParam Optional<String> project, @RequestParam Optional<String> feature,
                                  @RequestParam Optional<String> profile, @RequestParam Optional<String> from,
                                  @RequestParam Optional<String> to) {
        LlmCallFilter filter = callFilter(project, feature, profile, Optional.empty(), Optional.empty(), from, to);
        return tenant.llmCalls().aggregate(filter, groupBy).stream().map(AggregateView::of).toList();
    }

    private void write(java.io.Writer w, Object value) {
        try {
            json.writerWithDefaultPrettyPrinter().writeValue(w, value);
        } catch (IOException e) {
            throw new UncheckedIOException("writing the export failed", e);
        }
    }

    private static LlmCallFilter callFilter(Optional<String> project, Optional<String> feature, Optional<String> profile,
                                            Optional<String> model, Optional<LlmCallOutcome> outcome, Optional<String> from,
                                            Optional<String> to) {
        LlmCallFilter f = LlmCallFilter.all();
        if (present(project)) {
            f = f.withProject(ProjectId.of(project.get()));
        }
        if (present(feature)) {
            f = f.withFeature(feature.get());
        }
        if (present(profile)) {
            f = f.withProfile(profile.get());
        }
        if (present(model)) {
            f = f.withModel(model.get());
        }
        if (outcome.isPresent()) {
            f = f.withOutcome(outcome.get());
        }
        if (present(from) || present(to)) {
            f = f.between(from.filter(v -> !v.isBlank()).map(v -> Paging.instant("from", v)).orElse(Instant.EPOCH),
                    to.filter(v -> !v.isBlank()).map(v -> Paging.instant("to", v)).orElse(END_OF_TIME));
        }
        return f;
    }

    private static boolean present(Optional<String> v) {
        return v.isPresent() && !v.get().isBlank();
    }
}
