package dev.orion.store.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orion.store.AuditFilter;
import dev.orion.store.ConflictException;
import dev.orion.store.NewCampaign;
import dev.orion.store.NewReviewItem;
import dev.orion.store.NotFoundException;
import dev.orion.store.PageRequest;
import dev.orion.store.ReviewClaim;
import dev.orion.store.ReviewFilter;
import dev.orion.store.ReviewItem;
import dev.orion.store.ReviewLabel;
import dev.orion.store.ReviewStatus;
import dev.orion.store.ReviewStore;
import dev.orion.store.ReviewVerdict;
import dev.orion.store.TenantStores;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The contract of {@link dev.orion.store.ReviewStore}: one item per subject, exclusive expiring claims, final labels. */
public abstract class ReviewStoreContract extends ContractSupport {

    private static String campaign(TenantStores t) {
        return t.campaigns().create(NewCampaign.of("alloys", "{}")).id();
    }

    private static NewReviewItem item(String campaign, String subject) {
        return NewReviewItem.of(campaign, subject, "{\"id\":\"" + subject + "\"}", "uncertain prediction").withScore(0.8)
                .withValues(Map.of("band_gap", 1.1));
    }

    @Test
    void submitIsIdempotentPerSubjectAndQueriesFilterAndPage() {
        TenantStores t = newTenant();
        ReviewStore r = t.reviews();
        String c = campaign(t);
        ReviewItem a = r.submit(item(c, "x=1"));
        assertThat(r.submit(item(c, "x=1").withScore(0.1))).isEqualTo(a);
        assertThat(a.score().getAsDouble()).isEqualTo(0.8);
        assertThat(a.values()).isEqualTo(Map.of("band_gap", 1.1));
        assertThat(a.status()).isEqualTo(ReviewStatus.PENDING);
        for (int i = 2; i <= 5; i++) {
            r.submit(item(c, "x=" + i));
        }
        var first = r.query(ReviewFilter.all().withCampaign(c), PageRequest.first(3));
        assertThat(first.items()).extracting(ReviewItem::subjectId).containsExactly("x=1", "x=2", "x=3");
        assertThat(r.query(ReviewFilter.all(), first.next(PageRequest.first(3))).items()).extracting(ReviewItem::subjectId)
                .containsExactly("x=4", "x=5");
        r.claim(a.id(), "bob", Duration.ofMinutes(5)).orElseThrow();
        assertThat(r.query(ReviewFilter.all().withStatus(ReviewStatus.CLAIMED).withReviewer("bob"), PageRequest.first(10)).items())
                .extracting(ReviewItem::id).containsExactly(a.id());
        assertThat(r.query(ReviewFilter.all().withStatus(ReviewStatus.PENDING), PageRequest.first(10)).items()).hasSize(4);
        assertThatThrownBy(() -> r.submit(item("no-such-campaign", "x"))).isInstanceOf(NotFoundException.class);
        assertThat(t.audit().count(AuditFilter.all().withResourceType("review-item"))).isEqualTo(6);
    }

    @Test
    void oneReviewerAtATimeUntilTheClaimExpiresAndLabelsAreFinal() {
        TenantStores t = newTenant();
        ReviewStore r = t.reviews();
        ReviewItem a = r.submit(item(campaign(t), "x=1"));
        ReviewClaim bob = r.claim(a.id(), "bob", Duration.ofMinutes(5)).orElseThrow();
        assertThat(bob.item().reviewer()).contains("bob");
        assertThat(bob.toString()).doesNotContain(bob.token());
        assertThat(r.claim(a.id(), "carol", Duration.ofMinutes(5))).as("held by bob").isEmpty();
        clock().advance(Duration.ofMinutes(6));
        ReviewClaim carol = r.claim(a.id(), "carol", Duration.ofMinutes(5)).orElseThrow();
        assertThatThrownBy(() -> r.label(bob, ReviewLabel.accept("late"))).isInstanceOf(ConflictException.class);
        assertThat(r.release(bob)).isFalse();
        ReviewItem labelled = r.label(carol, ReviewLabel.correct(Map.of("band_gap", 1.4), "remeasured"));
        assertThat(labelled.status()).isEqualTo(ReviewStatus.LABELLED);
        assertThat(r.find(a.id()).orElseThrow().label()).contains(ReviewLabel.correct(Map.of("band_gap", 1.4), "remeasured"));
        assertThat(r.find(a.id()).orElseThrow().reviewer()).contains("carol");
        assertThatThrownBy(() -> r.label(carol, ReviewLabel.reject("again"))).isInstanceOf(ConflictException.class);
        assertThat(r.claim(a.id(), "dave", Duration.ofMinutes(5))).as("labelled items are final").isEmpty();
        assertThatThrownBy(() -> r.claim("missing", "dave", Duration.ofMinutes(5))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> r.claim(a.id(), "dave", Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ttl");
        assertThatThrownBy(() -> ReviewLabel.correct(Map.of(), "x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("correctedValues");
    }

    @Test
    void releasedItemsGoBackAndBatchClaimsTakeTheOldestFirst() {
        TenantStores t = newTenant();
        ReviewStore r = t.reviews();
        String c = campaign(t);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(r.submit(item(c, "x=" + i)).id());
        }
        List<ReviewClaim> batch = r.claimNext(ReviewFilter.all().withCampaign(c), "bob", 3, Duration.ofMinutes(5));
        assertThat(batch).extracting(cl -> cl.item().id()).containsExactlyElementsOf(ids.subList(0, 3));
        assertThat(r.release(batch.get(0))).isTrue();
        assertThat(r.find(ids.get(0)).orElseThrow().status()).isEqualTo(ReviewStatus.PENDING);
        assertThat(r.claimNext(ReviewFilter.all(), "carol", 10, Duration.ofMinutes(5))).extracting(cl -> cl.item().id())
                .containsExactly(ids.get(0), ids.get(3), ids.get(4));
        assertThat(r.label(batch.get(1), ReviewLabel.reject("not stable")).label().orElseThrow().verdict()).isEqualTo(ReviewVerdict.REJECT);
    }

    @Test
    void concurrentReviewersNeverClaimTheSameItem() throws Exception {
        TenantStores t = newTenant();
        String c = campaign(t);
        for (int i = 0; i < 20; i++) {
            t.reviews().submit(item(c, "x=" + i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<String>>> futures = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                String reviewer = "reviewer-" + w;
                Callable<List<String>> work = () -> {
                    start.await();
                    List<String> mine = new ArrayList<>();
                    List<ReviewClaim> got;
                    while (!(got = backend().stores().tenant(t.tenant(), t.actor()).reviews()
                            .claimNext(ReviewFilter.all(), reviewer, 2, Duration.ofMinutes(5))).isEmpty()) {
                        got.forEach(cl -> mine.add(cl.item().id()));
                    }
                    return mine;
                };
                futures.add(pool.submit(work));
            }
            start.countDown();
            List<String> all = new ArrayList<>();
            for (Future<List<String>> f : futures) {
                all.addAll(f.get());
            }
            assertThat(all).hasSize(20).doesNotHaveDuplicates();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anotherTenantSeesAndClaimsNothing() {
        TenantStores t = newTenant();
        TenantStores other = newTenant();
        ReviewItem a = t.reviews().submit(item(campaign(t), "x=1"));
        assertThat(other.reviews().find(a.id())).isEmpty();
        assertThat(other.reviews().query(ReviewFilter.all(), PageRequest.first(10)).items()).isEmpty();
        assertThat(other.reviews().claimNext(ReviewFilter.all(), "mallory", 10, Duration.ofMinutes(5))).isEmpty();
        assertThatThrownBy(() -> other.reviews().claim(a.id(), "mallory", Duration.ofMinutes(5))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> other.reviews().submit(item(a.campaignId(), "x=2"))).isInstanceOf(NotFoundException.class);
        ReviewClaim claim = t.reviews().claim(a.id(), "bob", Duration.ofMinutes(5)).orElseThrow();
        assertThatThrownBy(() -> other.reviews().label(claim, ReviewLabel.accept("stolen claim"))).isInstanceOf(ConflictException.class);
        assertThat(t.reviews().find(a.id()).map(ReviewItem::status)).isEqualTo(Optional.of(ReviewStatus.CLAIMED));
    }
}
