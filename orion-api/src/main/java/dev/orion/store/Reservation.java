package dev.orion.store;

import dev.orion.tenant.ProjectId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Money set aside against every budget that applies, until it is settled with the actual cost or
 * released. An unsettled reservation lapses at {@code expiresAt} (see {@link BudgetStore#releaseExpired()}).
 *
 * @param id        the id to settle or release with
 * @param project   the project charged, if any
 * @param amount    the amount reserved (USD)
 * @param createdAt when reserved (fixes the windows it counts in)
 * @param expiresAt when it lapses
 */
public record Reservation(String id, Optional<ProjectId> project, BigDecimal amount, Instant createdAt, Instant expiresAt) {

    /** Validates. */
    public Reservation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
