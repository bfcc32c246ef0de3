package dev.orion.store;

import dev.orion.tenant.RateLimit;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What to issue: a labelled key with scopes, an optional expiry and an optional rate limit.
 *
 * @param name      a label (1-200 characters)
 * @param scopes    at least one scope: {@code "resource:verb"} ({@code "jobs:write"}), {@code "resource:*"}
 *                  (every verb of one resource) or {@code "*"} (everything)
 * @param expiresAt when it stops working, if ever
 * @param rateLimit per-key request rate limit, if any; its refill period is stored in whole milliseconds,
 *                  so it must be at least 1 ms and a whole number of milliseconds
 */
public record NewApiKey(String name, Set<String> scopes, Optional<Instant> expiresAt, Optional<RateLimit> rateLimit) {

    private static final Pattern SCOPE = Pattern.compile("\\*|[a-z][a-z0-9-]*:(\\*|[a-z][a-z0-9-]*)");

    /** Validates and copies. */
    public NewApiKey {
        StoreArguments.text("name", name, 200);
        scopes = Set.copyOf(scopes);
        if (scopes.isEmpty()) {
            throw new IllegalArgumentException("an API key needs at least one scope");
        }
        for (String s : scopes) {
            if (!SCOPE.matcher(s).matches()) {
                throw new IllegalArgumentException("scope must look like 'jobs:write', 'jobs:*' or '*', got '" + s + "'");
            }
        }
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(rateLimit, "rateLimit");
        rateLimit.ifPresent(NewApiKey::checkStorable);
    }

    private static void checkStorable(RateLimit limit) {
        Duration period = limit.refillPeriod();
        if (period.compareTo(Duration.ofMillis(1)) < 0 || period.toNanos() % 1_000_000 != 0) {
            throw new IllegalArgumentException("rateLimit.refillPeriod of an API key must be a whole number of milliseconds,"
                    + " at least 1 ms, got " + period);
        }
    }

    /** @param name label  @param scopes scopes  @return a key without expiry or rate limit */
    public static NewApiKey of(String name, String... scopes) {
        return new NewApiKey(name, Set.of(scopes), Optional.empty(), Optional.empty());
    }

    /** @param t expiry  @return a copy expiring at {@code t} */
    public NewApiKey expiringAt(Instant t) {
        return new NewApiKey(name, scopes, Optional.of(t), rateLimit);
    }

    /** @param limit rate limit  @return a copy with this per-key limit */
    public NewApiKey withRateLimit(RateLimit limit) {
        return new NewApiKey(name, scopes, expiresAt, Optional.of(limit));
    }
}
