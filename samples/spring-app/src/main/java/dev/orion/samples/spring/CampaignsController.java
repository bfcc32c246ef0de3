package dev.orion.samples.spring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orion.core.OrionTenant;
import dev.orion.core.campaign.runner.CampaignListener;
import dev.orion.core.campaign.runner.CampaignOutcome;
import dev.orion.core.campaign.runner.CampaignReport;
import dev.orion.spring.metrics.CampaignMetrics;
import dev.orion.store.CampaignFilter;
import dev.orion.store.CampaignRecord;
import dev.orion.store.CampaignStatus;
import dev.orion.store.NotFoundException;
import dev.orion.store.ObservationRecord;
import dev.orion.store.Page;
import dev.orion.store.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Create design campaigns ({@link EamCampaigns}) and advance them by a number of evaluations with
 * {@link dev.orion.core.campaign.runner.CampaignRunner}; follow their progress and plot. A create or advance
 * answers when the evaluations are done (each is an EAM job of a few milliseconds to seconds). Runs report to
 * the starter's {@link CampaignMetrics} ({@code orion.campaign.*}) when the application has a meter registry.
 */
@RestController
@RequestMapping("/api/campaigns")
@Tag(name = "campaigns", description = "closed-loop design campaigns (scopes campaigns:read, campaigns:write)")
class CampaignsController {

    static final int MAX_STEP = 20;
    private final ObjectMapper json;
    private final CampaignListener metrics;

    CampaignsController(ObjectMapper json, ObjectProvider<CampaignMetrics> metrics) {
        this.json = json;
        this.metrics = Optional.<CampaignListener>ofNullable(metrics.getIfAvailable()).orElse(new CampaignListener() { });
    }

    /**
     * A new campaign.
     *
     * @param name        its name
     * @param element     {@code Cu} or {@code Ni}
     * @param strategy    {@code bayesian} (default), {@code sobol}, {@code random} or {@code latin-hypercube}
     * @param batchSize   candidates per iteration (default 1)
     * @param seed        the strategy's seed (default 1)
     * @param evaluations evaluations to run now (default 4, at most {@value #MAX_STEP})
     */
    record NewCampaignRequest(String name, String element, Optional<String> strategy, Optional<Integer> batchSize,
                              Optional<Long> seed, Optional<Integer> evaluations) {
    }

    /** @param evaluations how many more evaluations to run (1 to {@value #MAX_STEP}) */
    record Advance(int evaluations) {
    }

    /**
     * One evaluation.
     *
     * @param iteration the iteration that proposed it
     * @param parameters the candidate's parameters ({@code a} in Å)
     * @param values     what was observed (energy_per_atom in eV/atom); empty for a failed evaluation
     * @param failure    why the evaluation failed, when it did
     * @param jobId      the job that computed it
     * @param time       when it was stored
     */
    record ObservationView(int iteration, Map<String, Object> parameters, Map<String, Double> values,
                           Optional<String> failure, Optional<String> jobId, Instant time) {
    }

    /**
     * A campaign and its progress.
     *
     * @param id           its id
     * @param name         its name
     * @param status       its state
     * @param definition   element, strategy, batch size, seed
     * @param iterations   iterations recorded
     * @param evaluations  observations recorded
     * @param best         the lowest energy per atom observed so far
     * @param observations every observation, oldest first
     * @param createdAt    when it was created
     */
    record CampaignView(String id, String name, CampaignStatus status, EamCampaigns.Definition definition, int iterations,
                        int evaluations, Optional<ObservationView> best, List<ObservationView> observations,
                        Instant createdAt) {
    }

    /**
     * A campaign in a list.
     *
     * @param id         its id
     * @param name       its name
     * @param status     its state
     * @param iterations iterations recorded
     * @param createdAt  when it was created
     */
    record CampaignSummary(String id, String name, CampaignStatus status, int iterations, Instant createdAt) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a campaign (lowest-energy fcc lattice parameter of Cu or Ni) and run its first evaluations")
    CampaignView create(OrionTenant tenant, @RequestBody NewCampaignRequest body) {
        if (body.name() == null || body.name().isBlank()) {
            throw new IllegalArgumentException("name is required");
        }
        EamCampaigns.Definition d = new EamCampaigns.Definition(String.valueOf(body.element()), body.strategy().orElse("bayesian"),
                body.batchSize().orElse(1), body.seed().orElse(1L));
        int evaluations = step(body.evaluations().orElse(4));
        CampaignOutcome outcome = EamCampaigns.runner(tenant, body.name(), d, evaluations, metrics).run();
        return view(tenant, find(tenant, outcome.campaignId()));
    }

    @PostMapping("/{id}/advance")
    @Operation(summary = "Run more evaluations of a stored campaign (resumes it with a larger budget)")
    CampaignView advance(OrionTenant tenant, @PathVariable String id, @RequestBody Advance body) {
        CampaignRecord campaign = find(tenant, id);
        int more = step(body.evaluations());
        int done = observations(tenant, id).size();
        EamCampaigns.runner(tenant, campaign.name(), EamCampaigns.definition(campaign), done + more, metrics).resume(id);
        return view(tenant, find(tenant, id));
    }

    @GetMapping
    @Operation(summary = "List campaigns, newest first")
    Paging.PageBody<CampaignSummary> list(OrionTenant tenant, @RequestParam Optional<List<CampaignStatus>> status,
                                          @RequestParam(defaultValue = "50") int limit, @RequestParam Optional<String> cursor) {
        CampaignFilter filter = status.filter(s -> !s.isEmpty())
                .map(s -> CampaignFilter.all().withStatus(s.toArray(CampaignStatus[]::new))).orElse(CampaignFilter.all());
        return Paging.body(tenant.campaigns().query(filter, Paging.request(limit, cursor)),
                c -> new CampaignSummary(c.id(), c.name(), c.status(), c.iterations(), c.createdAt()));
    }

    @GetMapping("/{id}")
    @Operation(summary = "A campaign's progress: status, every observation, the best so far")
    CampaignView get(OrionTenant tenant, @PathVariable String id) {
        return view(tenant, find(tenant, id));
    }

    @GetMapping(value = "/{id}/plot.png", produces = MediaType.IMAGE_PNG_VALUE)
    @Operation(summary = "The best value against evaluations, as CampaignReport draws it (PNG)")
    ResponseEntity<byte[]> plot(OrionTenant tenant, @PathVariable String id) throws IOException {
        find(tenant, id);
        Path dir = Files.createTempDirectory("orion-campaign-plot");
        try {
            CampaignReport.write(tenant, id, dir);
            Path png = dir.resolve("best.png");
            if (!Files.exists(png)) {
                throw new IllegalStateException("campaign " + id + " has no observations to plot yet");
            }
            return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).body(Files.readAllBytes(png));
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static int step(int evaluations) {
        if (evaluations < 1 || evaluations > MAX_STEP) {
            throw new IllegalArgumentException("evaluations must be 1.." + MAX_STEP + ", was " + evaluations);
        }
        return evaluations;
    }

    private static CampaignRecord find(OrionTenant tenant, String id) {
        return tenant.campaigns().find(id).orElseThrow(() -> new NotFoundException("campaign", id));
    }

    private static List<ObservationRecord> observations(OrionTenant tenant, String id) {
        List<ObservationRecord> all = new ArrayList<>();
        PageRequest request = PageRequest.first(PageRequest.MAX_LIMIT);
        Page<ObservationRecord> page = tenant.campaigns().observations(id, request);
        all.addAll(page.items());
        while (page.hasNext()) {
            request = page.next(request);
            page = tenant.campaigns().observations(id, request);
            all.addAll(page.items());
        }
        return all;
    }

    private CampaignView view(OrionTenant tenant, CampaignRecord c) {
        List<ObservationView> seen = observations(tenant, c.id()).stream()
                .map(this::observation)
                .toList();
        Optional<ObservationView> best = seen.stream().filter(o -> o.values().containsKey(EamCampaigns.OUTCOME))
                .min(Comparator.comparingDouble(o -> o.values().get(EamCampaigns.OUTCOME)));
        return new CampaignView(c.id(), c.name(), c.status(), EamCampaigns.definition(c), c.iterations(), seen.size(), best, seen,
                c.createdAt());
    }

    private ObservationView observation(ObservationRecord o) {
        JsonNode stored;
        try {
            stored = json.readTree(o.candidateJson());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("a stored observation of campaign " + o.campaignId() + " is not JSON", e);
        }
        JsonNode candidate = stored.has("candidate") ? stored.get("candidate") : stored;
        Map<String, Object> parameters = new TreeMap<>();
        candidate.path("values").fields().forEachRemaining(e -> {
            JsonNode v = e.getValue();
            parameters.put(e.getKey(), v.has("real") ? v.get("real").asDouble() : v.has("integer") ? v.get("integer").asLong()
                    : v.has("category") ? v.get("category").asText() : v.toString());
        });
        Optional<String> failure = stored.has("failure") ? Optional.of(stored.get("failure").asText()) : Optional.empty();
        return new ObservationView(o.iteration(), parameters, o.values(), failure, o.jobId(), o.createdAt());
    }
}
