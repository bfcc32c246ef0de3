package dev.orion.core.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orion.campaign.Candidate;
import dev.orion.campaign.ContinuousParameter;
import dev.orion.campaign.Evaluator;
import dev.orion.campaign.Goal;
import dev.orion.campaign.Observation;
import dev.orion.campaign.ParameterSpace;
import dev.orion.campaign.ParameterValue;
import dev.orion.campaign.Prediction;
import dev.orion.campaign.Selection;
import dev.orion.campaign.SelectionInput;
import dev.orion.core.Orion;
import dev.orion.core.OrionTenant;
import dev.orion.core.Stores;
import dev.orion.core.campaign.runner.CampaignOutcome;
import dev.orion.core.campaign.runner.CampaignRunner;
import dev.orion.core.campaign.runner.StopCriteria;
import dev.orion.core.campaign.selection.Selectors;
import dev.orion.core.campaign.strategy.Strategies;
import dev.orion.store.AuditFilter;
import dev.orion.store.ConflictException;
import dev.orion.store.PageRequest;
import dev.orion.store.ResourceRef;
import dev.orion.store.ReviewClaim;
import dev.orion.store.ReviewFilter;
import dev.orion.store.ReviewItem;
import dev.orion.store.ReviewLabel;
import dev.orion.store.ReviewStatus;
import dev.orion.store.contract.MutableClock;
import dev.orion.tenant.Principal;
import dev.orion.tenant.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReviewQueueTest {

    static final ParameterSpace SPACE = ParameterSpace.builder().add(ContinuousParameter.of("x", -2, 3)).build();
    final MutableClock clock = new MutableClock(Instant.parse("2026-03-14T10:00:00Z"));
    Orion orion;

    @BeforeEach
    void open() {
        orion = Orion.builder().store(Stores.inMemory(clock)).build();
    }

    @AfterEach
    void close() {
        orion.close();
    }

    static Candidate point(double x) {
        return Candidate.of(Map.of("x", ParameterValue.real(x)));
    }

    static CampaignRunner runner(OrionTenant t, int evaluations) {
        return CampaignRunner.builder(t).name("quadratic").space(SPACE).goal(Goal.minimize("f")).strategy(Strategies.bayesian())
                .evaluator(Evaluator.of("dft", "f", "eV", c -> (c.number("x") - 1) * (c.number("x") - 1)))
                .stop(StopCriteria.afterEvaluations(evaluations)).batchSize(1).seed(3).build();
    }

    @Test
    void uncertainCandidatesAreReviewedAndTheLabelsBecomeObservations() {
        OrionTenant acme = orion.tenant(TenantId.of("acme"), Principal.user("alice"));
        String campaign = runner(acme, 4).run().campaignId();
        ReviewQueue queue = ReviewQueue.of(acme, runner(acme, 4), campaign);
        List<Candidate> pool = List.of(point(-1.5), point(0.2), point(2.5), point(2.9));
        Selection chosen = Selectors.maxVariance().select(SelectionInput.builder(4).predictions(new Prediction[] {
                new Prediction(3, 0.01), new Prediction(1, 0.9), new Prediction(2, 0.5), new Prediction(4, 0.04)}).build(), 3);
        List<ReviewItem> flagged = queue.flagUncertain(pool, chosen, 0.1, "max-variance");
        assertThat(flagged).extracting(ReviewItem::subjectId).containsExactly(point(0.2).id(), point(2.5).id());
        ReviewItem suspicious = queue.flag(point(-1.5), "energy outside the plausible range", OptionalDouble.empty(), Map.of("f", 6.25));

        List<ReviewClaim> curie = queue.claimBatch("curie", 2, Duration.ofMinutes(30));
        assertThat(curie).hasSize(2);
        List<ReviewClaim> pauling = queue.claimBatch("pauling", 5, Duration.ofMinutes(30));
        assertThat(pauling).extracting(c -> c.item().id()).containsExactly(suspicious.id());
        Map<ReviewClaim, ReviewLabel> labels = new LinkedHashMap<>();
        labels.put(curie.get(0), ReviewLabel.reject("decomposes on synthesis"));
        labels.put(curie.get(1), ReviewLabel.correct(Map.of("f", 2.25), "remeasured"));
        ReviewBatch batch = queue.labelAll(labels);
        assertThat(batch.lostItemIds()).isEmpty();
        assertThat(batch.decisions()).allSatisfy(d -> assertThat(d.observationId()).isPresent());
        ReviewDecision accepted = queue.label(pauling.get(0), ReviewLabel.accept("confirmed"));

        List<Observation> seen = runner(acme, 7).resume(campaign).observations();
        assertThat(seen).filteredOn(o -> o.candidate().id().equals(point(0.2).id())).singleElement()
                .satisfies(o -> assertThat(o.failure().orElseThrow()).contains("rejected by curie: decomposes on synthesis"));
        assertThat(seen).filteredOn(o -> o.candidate().id().equals(point(2.5).id())).singleElement()
                .satisfies(o -> assertThat(o.value("f")).hasValue(2.25));
        assertThat(seen).filteredOn(o -> o.candidate().id().equals(point(-1.5).id())).singleElement()
                .satisfies(o -> assertThat(o.value("f")).hasValue(6.25));
        assertThat(acme.provenance().linksFrom(ResourceRef.of("observation", accepted.observationId().orElseThrow())))
                .anySatisfy(l -> assertThat(l.object()).isEqualTo(ResourceRef.of("review-item", suspicious.id())));
        assertThat(queue.list(ReviewFilter.all().withStatus(ReviewStatus.LABELLED), PageRequest.first(10)).items()).hasSize(3);
        assertThat(acme.audit().count(AuditFilter.all().withResourceType("review-item").withAction("label"))).isEqualTo(3);
    }

    @Test
    void aCorrectionChangesTheNextProposal() {
        OrionTenant labelled = orion.tenant(TenantId.of("labelled"));
        OrionTenant plain = orion.tenant(TenantId.of("plain"));
        String a = runner(labelled, 4).run().campaignId();
        String b = runner(plain, 4).run().campaignId();
        ReviewQueue queue = ReviewQueue.of(labelled, runner(labelled, 5), a);
        ReviewItem item = queue.flag(point(2.8), "the surrogate is unsure here", OptionalDouble.of(0.7), Map.of("f", 3.24));
        queue.label(queue.claim(item.id(), "curie", Duration.ofMinutes(5)).orElseThrow(),
                ReviewLabel.correct(Map.of("f", -3.0), "a new phase forms"));
        CampaignOutcome withLabel = runner(labelled, 6).resume(a);
        CampaignOutcome without = runner(plain, 5).resume(b);
        double next = withLabel.observations().get(withLabel.observations().size() - 1).candidate().number("x");
        double baseline = without.observations().get(without.observations().size() - 1).candidate().number("x");
        assertThat(next).isNotEqualTo(baseline);
        assertThat(Math.abs(next - 2.8)).as("the proposal moves towards the corrected optimum").isLessThan(Math.abs(baseline - 2.8));
        assertThat(withLabel.best().orElseThrow().candidate().id()).isEqualTo(point(2.8).id());
    }

    @Test
    void lostClaimsAreReportedAndOtherCampaignsClaimsRefused() {
        OrionTenant acme = orion.tenant(TenantId.of("acme"));
        String campaign = runner(acme, 2).run().campaignId();
        String other = runner(acme, 2).run().campaignId();
        ReviewQueue queue = ReviewQueue.of(acme, runner(acme, 2), campaign);
        ReviewQueue otherQueue = ReviewQueue.of(acme, runner(acme, 2), other);
        ReviewItem item = queue.flag(point(1.5), "uncertain", OptionalDouble.of(0.5), Map.of());
        ReviewClaim stale = queue.claim(item.id(), "curie", Duration.ofSeconds(10)).orElseThrow();
        clock.advance(Duration.ofSeconds(11));
        ReviewClaim fresh = queue.claim(item.id(), "pauling", Duration.ofMinutes(5)).orElseThrow();
        ReviewBatch batch = queue.labelAll(Map.of(stale, ReviewLabel.accept("late")));
        assertThat(batch.lostItemIds()).containsExactly(item.id());
        assertThat(batch.decisions()).isEmpty();
        assertThatThrownBy(() -> otherQueue.label(fresh, ReviewLabel.accept("wrong queue"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(campaign);
        ReviewDecision d = queue.label(fresh, ReviewLabel.accept("no values, nothing measured"));
        assertThat(d.observationId()).isEmpty();
        assertThatThrownBy(() -> queue.label(fresh, ReviewLabel.reject("twice"))).isInstanceOf(ConflictException.class);
        assertThat(orion.tenant(TenantId.of("other")).reviews().find(item.id())).isEmpty();
    }
}
