package dev.orion.store;

import java.time.Instant;
import java.util.Objects;

/**
 * The right to advance one campaign until {@code expiresAt}, held by one orchestrator in one JVM. The
 * fence grows by one with every new holder; the store refuses writes made under an older fence or a
 * lapsed lease, so an orchestrator that stalled past its lease cannot record anything after another
 * took over.
 *
 * @param campaignId the campaign
 * @param owner      who holds it (an orchestrator instance's name)
 * @param token      proves the lease
 * @param fence      the fencing number (1 for the first holder)
 * @param expiresAt  when it lapses unless renewed
 */
public record CampaignLease(String campaignId, String owner, String token, long fence, Instant expiresAt) {

    /** Validates. */
    public CampaignLease {
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(token, "token");
        if (fence < 1) {
            throw new IllegalArgumentException("fence must be >= 1, got " + fence);
        }
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** Leaves the token out: it proves the lease, so it must not reach logs. */
    @Override
    public String toString() {
        return "CampaignLease[campaign=" + campaignId + ", owner=" + owner + ", fence=" + fence + ", expiresAt=" + expiresAt
                + ", token=<redacted>]";
    }
}
