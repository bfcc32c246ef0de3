package dev.orion.store.memory;

import dev.orion.store.ConflictException;
import dev.orion.store.NewReviewItem;
import dev.orion.store.NotFoundException;
import dev.orion.store.Page;
import dev.orion.store.PageRequest;
import dev.orion.store.ReviewClaim;
import dev.orion.store.ReviewFilter;
import dev.orion.store.ReviewItem;
import dev.orion.store.ReviewLabel;
import dev.orion.store.ReviewStatus;
import dev.orion.store.ReviewStore;
import dev.orion.store.internal.ClaimRules;
import dev.orion.store.internal.StoreIds;
import dev.orion.tenant.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

final class MemoryReviewStore implements ReviewStore {

    private final MemoryTenant t;
    private final Principal actor;

    MemoryReviewStore(MemoryTenant t, Principal actor) {
        this.t = t;
        this.actor = actor;
    }

    @Override
    public ReviewItem submit(NewReviewItem n) {
        Objects.requireNonNull(n, "item");
        synchronized (t) {
            if (!t.campaigns.containsKey(n.campaignId())) {
                throw new NotFoundException("campaign", n.campaignId());
            }
            for (Seq<ReviewItem> row : t.reviews.values()) {
                if (row.value().campaignId().equals(n.campaignId()) && row.value().subjectId().equals(n.subjectId())) {
                    return row.value();
                }
            }
            ReviewItem item = ClaimRules.pending(StoreIds.newId(), n, t.clock.instant());
            t.reviews.put(item.id(), new Seq<>(t.nextSeq(), item));
            t.audit(actor, "submit", ClaimRules.REVIEW, item.id(), Map.of("campaign", n.campaignId(), "subject", n.subjectId()));
            return item;
        }
    }

    @Override
    public Optional<ReviewItem> find(String id) {
        Objects.requireNonNull(id, "id");
        synchronized (t) {
            return Optional.ofNullable(t.reviews.get(id)).map(Seq::value);
        }
    }

    private static boolean matches(ReviewItem i, ReviewFilter f) {
        return f.campaignId().map(i.campaignId()::equals).orElse(true)
                && f.reviewer().map(r -> i.reviewer().map(r::equals).orElse(false)).orElse(true)
                && (f.statuses().isEmpty() || f.statuses().contains(i.status()));
    }

    @Override
    public Page<ReviewItem> query(ReviewFilter filter, PageRequest page) {
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(page, "page");
        synchronized (t) {
            return MemoryPages.page(t.reviews.values(), i -> matches(i, filter), page);
        }
    }

    @Override
    public Optional<ReviewClaim> claim(String id, String reviewer, Duration ttl) {
        Objects.requireNonNull(id, "id");
        ClaimRules.who("reviewer", reviewer);
        ClaimRules.ttl(ttl, ClaimRules.MAX_REVIEW_CLAIM);
        synchronized (t) {
            Seq<ReviewItem> row = t.reviews.get(id);
            if (row == null) {
                throw new NotFoundException(ClaimRules.REVIEW, id);
            }
            Instant now = t.clock.instant();
            return row.value().claimableAt(now) ? Optional.of(take(row, reviewer, ttl, now)) : Optional.empty();
        }
    }

    private ReviewClaim take(Seq<ReviewItem> row, String reviewer, Duration ttl, Instant now) {
        String token = StoreIds.newId();
        Instant expires = now.plus(ttl);
        ReviewItem claimed = ClaimRules.claimed(row.value(), reviewer, expires, now);
        t.reviews.put(claimed.id(), new Seq<>(row.seq(), claimed));
        t.reviewTokens.put(claimed.id(), token);
        t.audit(actor, "claim", ClaimRules.REVIEW, claimed.id(), Map.of("reviewer", reviewer));
        return new ReviewClaim(claimed, token, expires);
    }

    @Override
    public List<ReviewClaim> claimNext(ReviewFilter filter, String reviewer, int max, Duration ttl) {
        Objects.requireNonNull(filter, "filter");
        ClaimRules.who("reviewer", reviewer);
        ClaimRules.max(max);
        ClaimRules.ttl(ttl, ClaimRules.MAX_REVIEW_CLAIM);
        synchronized (t) {
            Instant now = t.clock.instant();
            List<ReviewClaim> claims = new ArrayList<>();
            for (Seq<ReviewItem> row : new ArrayList<>(t.reviews.values())) {
                ReviewItem i = row.value();
                if (claims.size() < max && filter.campaignId().map(i.campaignId()::equals).orElse(true) && i.claimableAt(now)) {
                    claims.add(take(row, reviewer, ttl, now));
                }
            }
            return claims;
        }
    }

    private Optional<Seq<ReviewItem>> held(ReviewClaim claim, Instant now) {
        Seq<ReviewItem> row = t.reviews.get(claim.item().id());
        boolean held = row != null && row.value().status() == ReviewStatus.CLAIMED
                && claim.token().equals(t.reviewTokens.get(row.value().id()))
                && row.value().claimExpiresAt().orElseThrow().isAfter(now);
        return held ? Optional.of(row) : Optional.empty();
    }

    @Override
    public ReviewItem label(ReviewClaim claim, ReviewLabel label) {
        Objects.requireNonNull(claim, "claim");
        Objects.requireNonNull(label, "label");
        synchronized (t) {
            Instant now = t.clock.instant();
            Seq<ReviewItem> row = held(claim, now).orElseThrow(() -> new ConflictException("review item " + claim.item().id()
                    + " is no longer claimed by this claim (it expired and was claimed again, or is labelled)"));
            ReviewItem labelled = ClaimRules.labelled(row.value(), label, now);
            t.reviews.put(labelled.id(), new Seq<>(row.seq(), labelled));
            t.reviewTokens.remove(labelled.id());
            t.audit(actor, "label", ClaimRules.REVIEW, labelled.id(), ClaimRules.labelDetails(label));
            return labelled;
        }
    }

    @Override
    public boolean release(ReviewClaim claim) {
        Objects.requireNonNull(claim, "claim");
        synchronized (t) {
            Instant now = t.clock.instant();
            Optional<Seq<ReviewItem>> row = held(claim, now);
            if (row.isEmpty()) {
                return false;
            }
            ReviewItem i = row.get().value();
            t.reviews.put(i.id(), new Seq<>(row.get().seq(), new ReviewItem(i.id(), i.campaignId(), i.subjectId(), i.subjectJson(),
                    i.reason(), i.score(), i.values(), ReviewStatus.PENDING, Optional.empty(), Optional.empty(), Optional.empty(),
                    i.createdAt(), now)));
            t.reviewTokens.remove(i.id());
            t.audit(actor, "release", ClaimRules.REVIEW, i.id(), Map.of());
            return true;
        }
    }
}
