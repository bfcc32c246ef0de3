package dev.orion.samples.spring;

import dev.orion.campaign.Candidate;
import dev.orion.campaign.ParameterValue;
import dev.orion.core.OrionTenant;
import dev.orion.core.campaign.runner.CampaignListener;
import dev.orion.core.review.ReviewDecision;
import dev.orion.core.review.ReviewQueue;
import dev.orion.spring.metrics.CampaignMetrics;
import dev.orion.store.CampaignRecord;
import dev.orion.store.ConflictException;
import dev.orion.store.NotFoundException;
import dev.orion.store.ReviewClaim;
import dev.orion.store.ReviewFilter;
import dev.orion.store.ReviewItem;
import dev.orion.store.ReviewLabel;
import dev.orion.store.ReviewStatus;
import dev.orion.store.ReviewVerdict;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The review queue of the caller's tenant over {@link ReviewQueue}: flag a candidate of a campaign with the
 * values under review, list and read the items, claim one (or a batch) under an expiring claim, and label a
 * claimed item with the claim's token. A label becomes an observation of the campaign (a correction records
 * the corrected energy, a rejection a failed evaluation). The reviewer is the caller ({@code api-key:<id>}).
 * Another reviewer's unexpired claim, a lost claim or a wrong token is 409.
 */
@RestController
@RequestMapping("/api/reviews")
@Tag(name = "reviews", description = "the review queue of the campaigns (scopes reviews:read, reviews:write)")
class ReviewsController {

    static final int DEFAULT_CLAIM_MINUTES = 30;
    private final CampaignListener metrics;

    ReviewsController(ObjectProvider<CampaignMetrics> metrics) {
        this.metrics = Optional.<CampaignListener>ofNullable(metrics.getIfAvailable()).orElse(new CampaignListener() { });
    }

    /**
     * A candidate to flag.
     *
     * @param campaignId the campaign
     * @param parameters the candidate's parameters ({@code a} in Å, inside the campaign's range)
     * @param reason     why it needs an expert
     * @param values     the values under review ({@code energy_per_atom} in eV/atom); may be absent
     */
    record FlagRequest(String campaignId, Map<String, Double> parameters, String reason, Optional<Map<String, Double>> values) {
    }

    /** @param ttlMinutes how long the claim lasts (default {@value #DEFAULT_CLAIM_MINUTES}, at most 7 days) */
    record ClaimRequest(Optional<Integer> ttlMinutes) {
    }

    /**
     * A batch claim.
     *
     * @param campaignId only this campaign's items (default: any campaign)
     * @param max        the most items (default 10, at most 1000)
     * @param ttlMinutes how long the claims last (default {@value #DEFAULT_CLAIM_MINUTES})
     */
    record BatchClaimRequest(Optional<String> campaignId, Optional<Integer> max, Optional<Integer> ttlMinutes) {
    }

    /**
     * A label.
     *
     * @param token   the claim's token
     * @param verdict {@code ACCEPT}, {@code REJECT} or {@code CORRECT}
     * @param values  the corrected values, exactly for {@code CORRECT} ({@code energy_per_atom})
     * @param comment free text
     */
    record LabelRequest(String token, ReviewVerdict verdict, Optional<Map<String, Double>> values, Optional<String> comment) {
    }

    /**
     * An item's label.
     *
     * @param verdict         the decision
     * @param correctedValues the corrected values (for {@code CORRECT})
     * @param comment         the comment
     */
    record LabelView(ReviewVerdict verdict, Map<String, Double> correctedValues, String comment) {
    }

    /**
     * An item of the queue.
     *
     * @param id             its id
     * @param campaignId     its campaign
     * @param subjectId      the candidate's id
     * @param parameters     the candidate's parameters
     * @param reason         why it was flagged
     * @param score          the flagging score, if any
     * @param values         the values under review
     * @param status         PENDING, CLAIMED or LABELLED
     * @param reviewer       who holds or held the claim
     * @param claimExpiresAt when the current claim lapses
     * @param label          the label, once labelled
     * @param createdAt      when flagged
     * @param updatedAt      when last changed
     */
    record ReviewView(String id, String campaignId, String subjectId, Map<String, Object> parameters, String reason,
                      Optional<Double> score, Map<String, Double> values, ReviewStatus status, Optional<String> reviewer,
                      Optional<Instant> claimExpiresAt, Optional<LabelView> label, Instant createdAt, Instant updatedAt) {
    }

    /**
     * A held claim; its token labels the item.
     *
     * @param item      the item as claimed
     * @param token     the claim's token
     * @param expiresAt when the claim lapses
     */
    record ClaimView(ReviewView item, String token, Instant expiresAt) {
    }

    /**
     * A labelled item and the observation its label became.
     *
     * @param item          the labelled item
     * @param observationId the campaign's new observation (absent for an acceptance without values under review)
     */
    record DecisionView(ReviewView item, Optional<String> observationId) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Flag a candidate of a campaign for review (flagging it again returns the existing item)")
    ReviewView flag(OrionTenant tenant, @RequestBody FlagRequest body) {
        if (body.campaignId() == null || body.parameters() == null || body.reason() == null || body.reason().isBlank()) {
            throw new IllegalArgumentException("campaignId, parameters and reason are required");
        }
        CampaignRecord campaign = campaign(tenant, body.campaignId());
        Map<String, ParameterValue> values = new TreeMap<>();
        body.parameters().forEach((k, v) -> values.put(k, ParameterValue.real(v)));
        Candidate candidate = Candidate.of(values);
        List<String> violations = EamCampaigns.space(EamCampaigns.definition(campaign).element()).violations(candidate);
        if (!violations.isEmpty()) {
            throw new IllegalArgumentException("parameters are outside the space of campaign " + campaign.id() + ": " + violations);
        }
        return view(queue(tenant, campaign).flag(candidate, body.reason(), OptionalDouble.empty(),
                outcomes(body.values().orElse(Map.of()))));
    }

    @GetMapping
    @Operation(summary = "List review items, oldest first (the queue's order), by campaign, status and reviewer")
    Paging.PageBody<ReviewView> list(OrionTenant tenant, @RequestParam Optional<String> campaign,
                                     @RequestParam Optional<List<ReviewStatus>> status, @RequestParam Optional<String> reviewer,
                                     @RequestParam(defaultValue = "50") int limit, @RequestParam Optional<String> cursor) {
        ReviewFilter filter = new ReviewFilter(campaign.filter(c -> !c.isBlank()), Set.copyOf(status.orElse(List.of())),
                reviewer.filter(r -> !r.isBlank()));
        return Paging.body(tenant.reviews().query(filter, Paging.oldestFirst(limit, cursor)), ReviewsController::view);
    }

    @GetMapping("/{id}")
    @Operation(summary = "A review item")
    ReviewView get(OrionTenant tenant, @PathVariable String id) {
        return view(item(tenant, id));
    }

    @PostMapping("/{id}/claim")
    @Operation(summary = "Claim an item for the caller; 409 while another reviewer's claim holds or once it is labelled")
    ClaimView claim(OrionTenant tenant, @PathVariable String id, @RequestBody Optional<ClaimRequest> body) {
        Duration ttl = ttl(body.flatMap(ClaimRequest::ttlMinutes));
        return tenant.reviews().claim(id, reviewer(tenant), ttl).map(ReviewsController::view)
                .orElseThrow(() -> new ConflictException("review item " + id + " is claimed by another reviewer or labelled"));
    }

    @PostMapping("/claim")
    @Operation(summary = "Claim the oldest claimable items (of one campaign or any) for the caller: a batch review")
    List<ClaimView> claimBatch(OrionTenant tenant, @RequestBody BatchClaimRequest body) {
        ReviewFilter filter = body.campaignId().filter(c -> !c.isBlank()).map(c -> ReviewFilter.all().withCampaign(c))
                .orElse(ReviewFilter.all());
        return tenant.reviews().claimNext(filter, reviewer(tenant), body.max().orElse(10), ttl(body.ttlMinutes())).stream()
                .map(ReviewsController::view).toList();
    }

    @PostMapping("/{id}/label")
    @Operation(summary = "Label a claimed item with the claim's token; the label becomes an observation of the campaign."
            + " 409 if the token is wrong or the claim was lost")
    DecisionView label(OrionTenant tenant, @PathVariable String id, @RequestBody LabelRequest body) {
        ReviewItem item = item(tenant, id);
        if (body.token() == null || body.token().isBlank() || body.verdict() == null) {
            throw new IllegalArgumentException("token and verdict are required");
        }
        ReviewLabel label = new ReviewLabel(body.verdict(), outcomes(body.values().orElse(Map.of())), body.comment().orElse(""));
        ReviewClaim claim = new ReviewClaim(item, body.token(), item.claimExpiresAt().orElse(item.updatedAt()));
        ReviewDecision decision = queue(tenant, campaign(tenant, item.campaignId())).label(claim, label);
        return new DecisionView(view(decision.item()), decision.observationId());
    }

    private ReviewQueue queue(OrionTenant tenant, CampaignRecord campaign) {
        // the runner only records labels as observations here; it runs no evaluations, so its budget does not matter
        return ReviewQueue.of(tenant, EamCampaigns.runner(tenant, campaign.name(), EamCampaigns.definition(campaign), 1, metrics),
                campaign.id());
    }

    private static String reviewer(OrionTenant tenant) {
        return tenant.actor().toString();
    }

    private static Duration ttl(Optional<Integer> minutes) {
        return Duration.ofMinutes(minutes.orElse(DEFAULT_CLAIM_MINUTES));
    }

    /** Only the campaigns' outcome may be reviewed or corrected. */
    private static Map<String, Double> outcomes(Map<String, Double> values) {
        values.keySet().stream().filter(k -> !k.equals(EamCampaigns.OUTCOME)).findFirst().ifPresent(k -> {
            throw new IllegalArgumentException("values may only name " + EamCampaigns.OUTCOME + ", not '" + k + "'");
        });
        return values;
    }

    private static CampaignRecord campaign(OrionTenant tenant, String id) {
        return tenant.campaigns().find(id).orElseThrow(() -> new NotFoundException("campaign", id));
    }

    private static ReviewItem item(OrionTenant tenant, String id) {
        return tenant.reviews().find(id).orElseThrow(() -> new NotFoundException("review item", id));
    }

    private static ClaimView view(ReviewClaim claim) {
        return new ClaimView(view(claim.item()), claim.token(), claim.expiresAt());
    }

    private static ReviewView view(ReviewItem item) {
        Map<String, Object> parameters = new TreeMap<>();
        ReviewQueue.candidate(item).values().forEach((k, v) -> parameters.put(k,
                v instanceof ParameterValue.Real r ? r.value() : v.toString()));
        Optional<Double> score = item.score().isPresent() ? Optional.of(item.score().getAsDouble()) : Optional.empty();
        return new ReviewView(item.id(), item.campaignId(), item.subjectId(), parameters, item.reason(), score, item.values(),
                item.status(), item.reviewer(), item.claimExpiresAt(),
                item.label().map(l -> new LabelView(l.verdict(), l.correctedValues(), l.comment())), item.createdAt(),
                item.updatedAt());
    }
}
