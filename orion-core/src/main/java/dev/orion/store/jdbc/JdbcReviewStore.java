package dev.orion.store.jdbc;

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
import dev.orion.store.ReviewVerdict;
import dev.orion.store.internal.ClaimRules;
import dev.orion.store.internal.StoreIds;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The review queue on JDBC. Claims lock the item row ({@code FOR UPDATE}; batch claims skip rows locked by
 * other reviewers with {@code SKIP LOCKED}), so two reviewers in any JVMs never hold the same item.
 */
final class JdbcReviewStore implements ReviewStore {

    private static final String SELECT = "SELECT id, seq, campaign_id, subject_id, subject, reason, score, review_values,"
            + " status, reviewer, claim_expires_at, verdict, corrected_values, review_comment, created_at, updated_at FROM review_items";
    private final View v;

    JdbcReviewStore(View v) {
        this.v = v;
    }

    private static ReviewItem map(ResultSet rs) throws SQLException {
        double score = rs.getDouble("score");
        OptionalDouble s = rs.wasNull() ? OptionalDouble.empty() : OptionalDouble.of(score);
        String verdict = rs.getString("verdict");
        Optional<ReviewLabel> label = verdict == null ? Optional.empty() : Optional.of(new ReviewLabel(ReviewVerdict.valueOf(verdict),
                JsonColumns.doubleMap(rs.getString("corrected_values")), rs.getString("review_comment")));
        return new ReviewItem(rs.getString("id"), rs.getString("campaign_id"), rs.getString("subject_id"), rs.getString("subject"),
                rs.getString("reason"), s, JsonColumns.doubleMap(rs.getString("review_values")),
                ReviewStatus.valueOf(rs.getString("status")), Columns.optionalString(rs, "reviewer"),
                Columns.optionalInstant(rs, "claim_expires_at"), label, Columns.instant(rs, "created_at"),
                Columns.instant(rs, "updated_at"));
    }

    private Optional<ReviewItem> bySubject(Connection c, String campaignId, String subjectId) throws SQLException {
        return Queries.one(c, SELECT + " WHERE tenant_id = ? AND campaign_id = ? AND subject_id = ?", JdbcReviewStore::map,
                v.t(), campaignId, subjectId);
    }

    @Override
    public ReviewItem submit(NewReviewItem n) {
        Objects.requireNonNull(n, "item");
        return v.tx("submit review item", c -> {
            Queries.one(c, "SELECT id FROM campaigns WHERE tenant_id = ? AND id = ?", rs -> rs.getString(1), v.t(), n.campaignId())
                    .orElseThrow(() -> new NotFoundException("campaign", n.campaignId()));
            Optional<ReviewItem> found = bySubject(c, n.campaignId(), n.subjectId());
            if (found.isPresent()) {
                return found.get();
            }
            Instant now = v.now();
            ReviewItem item = ClaimRules.pending(StoreIds.newId(), n, now);
            int inserted = Queries.update(c, "INSERT INTO review_items (tenant_id, id, campaign_id, subject_id, subject, reason, score,"
                            + " review_values, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                    v.t(), item.id(), n.campaignId(), n.subjectId(), n.subjectJson(), n.reason(),
                    n.score().isPresent() ? n.score().getAsDouble() : null, JsonColumns.write(n.values()), item.status(), now, now);
            if (inserted == 0) {
                // a concurrent submit of the same subject won the race
                return bySubject(c, n.campaignId(), n.subjectId()).orElseThrow();
            }
            v.audit(c, now, "submit", ClaimRules.REVIEW, item.id(), Map.of("campaign", n.campaignId(), "subject", n.subjectId()));
            return item;
        });
    }

    @Override
    public Optional<ReviewItem> find(String id) {
        Objects.requireNonNull(id, "id");
        return v.tx("find review item", c -> Queries.one(c, SELECT + " WHERE tenant_id = ? AND id = ?", JdbcReviewStore::map, v.t(), id));
    }

    private static Where where(Where w, ReviewFilter f) {
        return w.eq("campaign_id", f.campaignId()).eq("reviewer", f.reviewer()).in("status", f.statuses());
    }

    @Override
    public Page<ReviewItem> query(ReviewFilter filter, PageRequest page) {
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(page, "page");
        return v.tx("query review items", c -> Queries.page(c, SELECT, where(Where.tenant("tenant_id", v.t()), filter), "seq", page,
                JdbcReviewStore::map));
    }

    @Override
    public Optional<ReviewClaim> claim(String id, String reviewer, Duration ttl) {
        Objects.requireNonNull(id, "id");
        ClaimRules.who("reviewer", reviewer);
        ClaimRules.ttl(ttl, ClaimRules.MAX_REVIEW_CLAIM);
        return v.tx("claim review item", c -> {
            ReviewItem item = Queries.one(c, SELECT + " WHERE tenant_id = ? AND id = ? FOR UPDATE", JdbcReviewStore::map, v.t(), id)
                    .orElseThrow(() -> new NotFoundException(ClaimRules.REVIEW, id));
            Instant now = v.now();
            return item.claimableAt(now) ? Optional.of(take(c, item, reviewer, ttl, now)) : Optional.<ReviewClaim>empty();
        });
    }

    private ReviewClaim take(Connection c, ReviewItem item, String reviewer, Duration ttl, Instant now) throws SQLException {
        String token = StoreIds.newId();
        Instant expires = now.plus(ttl);
        Queries.update(c, "UPDATE review_items SET status = 'CLAIMED', reviewer = ?, claim_token = ?, claim_expires_at = ?,"
                + " updated_at = ? WHERE tenant_id = ? AND id = ?", reviewer, token, expires, now, v.t(), item.id());
        v.audit(c, now, "claim", ClaimRules.REVIEW, item.id(), Map.of("reviewer", reviewer));
        return new ReviewClaim(ClaimRules.claimed(item, reviewer, expires, now), token, expires);
    }

    @Override
    public List<ReviewClaim> claimNext(ReviewFilter filter, String reviewer, int max, Duration ttl) {
        Objects.requireNonNull(filter, "filter");
        ClaimRules.who("reviewer", reviewer);
        ClaimRules.max(max);
        ClaimRules.ttl(ttl, ClaimRules.MAX_REVIEW_CLAIM);
        return v.tx("claim review items", c -> {
            Instant now = v.now();
            Where w = Where.tenant("tenant_id", v.t()).eq("campaign_id", filter.campaignId())
                    .and("(status = 'PENDING' OR (status = 'CLAIMED' AND claim_expires_at <= ?))", now);
            List<Object> params = new ArrayList<>(w.params);
            params.add(max);
            List<ReviewItem> items = Queries.list(c, SELECT + " WHERE " + w.sql() + " ORDER BY seq LIMIT ? FOR UPDATE SKIP LOCKED",
                    params, JdbcReviewStore::map);
            List<ReviewClaim> claims = new ArrayList<>();
            for (ReviewItem item : items) {
                claims.add(take(c, item, reviewer, ttl, now));
            }
            return claims;
        });
    }

    @Override
    public ReviewItem label(ReviewClaim claim, ReviewLabel label) {
        Objects.requireNonNull(claim, "claim");
        Objects.requireNonNull(label, "label");
        return v.tx("label review item", c -> {
            Instant now = v.now();
            ReviewItem item = held(c, claim, now).orElseThrow(() -> new ConflictException("review item " + claim.item().id()
                    + " is no longer claimed by this claim (it expired and was claimed again, or is labelled)"));
            Queries.update(c, "UPDATE review_items SET status = 'LABELLED', claim_token = NULL, claim_expires_at = NULL, verdict = ?,"
                            + " corrected_values = ?, review_comment = ?, updated_at = ? WHERE tenant_id = ? AND id = ?",
                    label.verdict(), JsonColumns.write(label.correctedValues()), label.comment(), now, v.t(), item.id());
            v.audit(c, now, "label", ClaimRules.REVIEW, item.id(), ClaimRules.labelDetails(label));
            return ClaimRules.labelled(item, label, now);
        });
    }

    private Optional<ReviewItem> held(Connection c, ReviewClaim claim, Instant now) throws SQLException {
        return Queries.one(c, SELECT + " WHERE tenant_id = ? AND id = ? AND status = 'CLAIMED' AND claim_token = ?"
                + " AND claim_expires_at > ? FOR UPDATE", JdbcReviewStore::map, v.t(), claim.item().id(), claim.token(), now);
    }

    @Override
    public boolean release(ReviewClaim claim) {
        Objects.requireNonNull(claim, "claim");
        return v.tx("release review item", c -> {
            Instant now = v.now();
            if (held(c, claim, now).isEmpty()) {
                return false;
            }
            Queries.update(c, "UPDATE review_items SET status = 'PENDING', reviewer = NULL, claim_token = NULL, claim_expires_at = NULL,"
                    + " updated_at = ? WHERE tenant_id = ? AND id = ?", now, v.t(), claim.item().id());
            v.audit(c, now, "release", ClaimRules.REVIEW, claim.item().id(), Map.of());
            return true;
        });
    }
}
