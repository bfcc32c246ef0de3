package dev.orion.data.mp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends GET requests with the API key, at most a few at a time, retrying 429, 502, 503, 504 and
 * network failures with exponential backoff (full jitter) or the server's {@code Retry-After}, and
 * turns error answers into the typed exceptions.
 */
final class MpTransport {

    private static final Logger LOG = LoggerFactory.getLogger(MpTransport.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String UNKNOWN_PARAMETERS = "Request contains query parameters which cannot be used:";

    private final OkHttpClient http;
    private final String apiKey;
    private final Semaphore permits;
    private final int maxRetries;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final Clock clock;

    MpTransport(OkHttpClient http, String apiKey, int maxConcurrentRequests, int maxRetries, Duration initialBackoff,
            Duration maxBackoff, Clock clock) {
        this.http = http;
        this.apiKey = apiKey;
        this.permits = new Semaphore(maxConcurrentRequests, true);
        this.maxRetries = maxRetries;
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
        this.clock = clock;
    }

    /** @return the body of a 2xx answer */
    String get(HttpUrl url) {
        Request request = new Request.Builder().url(url).header("x-api-key", apiKey)
                .header("Accept", "application/json").header("User-Agent", "orion-mp-client").build();
        for (int attempt = 1; ; attempt++) {
            int status;
            String body;
            Optional<Duration> retryAfter;
            IOException failure = null;
            acquire(url);
            try (Response response = http.newCall(request).execute()) {
                status = response.code();
                body = response.body().string();
                retryAfter = retryAfter(response.header("Retry-After"));
            } catch (IOException e) {
                status = 0;
                body = "";
                retryAfter = Optional.empty();
                failure = e;
            } finally {
                permits.release();
            }
            LOG.debug("GET {} -> {} (attempt {})", url, status == 0 ? failure : status, attempt);
            if (status >= 200 && status < 300) {
                return body;
            }
            boolean retryable = status == 0 || status == 429 || status == 502 || status == 503 || status == 504;
            if (!retryable || attempt > maxRetries) {
                throw error(url, status, body, attempt, retryAfter, failure);
            }
            Duration wait = retryAfter.isPresent() ? retryAfter.get() : backoff(attempt);
            if (wait.compareTo(maxBackoff) > 0) {
                String message = "HTTP " + status + " from " + url + " asks to wait " + wait + ", more than the configured "
                        + maxBackoff + " (after " + attempt + " requests)";
                throw status == 429 ? new MpRateLimitedException(attempt, wait, message)
                        : new MaterialsProjectException(status, message);
            }
            LOG.debug("retrying {} in {} ms", url, wait.toMillis());
            sleep(wait, url);
        }
    }

    /** Exponential backoff with full jitter: uniform in [initial/2, min(max, initial * 2^(attempt-1))]. */
    private Duration backoff(int attempt) {
        long cap = Math.min(maxBackoff.toMillis(), initialBackoff.toMillis() << Math.min(attempt - 1, 20));
        long floor = Math.min(cap, initialBackoff.toMillis() / 2);
        return Duration.ofMillis(floor + ThreadLocalRandom.current().nextLong(cap - floor + 1));
    }

    /** {@code Retry-After} as delay-seconds or an HTTP-date; empty if absent or unreadable. */
    Optional<Duration> retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.strip();
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value))));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration d = Duration.between(clock.instant(),
                        ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return Optional.of(d.isNegative() ? Duration.ZERO : d);
            } catch (DateTimeParseException notDate) {
                LOG.debug("ignoring unreadable Retry-After '{}'", value);
                return Optional.empty();
            }
        }
    }

    private void acquire(HttpUrl url) {
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MaterialsProjectException(0, "interrupted while waiting to send " + url, e);
        }
    }

    private static void sleep(Duration wait, HttpUrl url) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MaterialsProjectException(0, "interrupted while waiting to retry " + url, e);
        }
    }

    private static MaterialsProjectException error(HttpUrl url, int status, String body, int attempts,
            Optional<Duration> retryAfter, IOException failure) {
        if (status == 0) {
            return new MaterialsProjectException(0, "no answer from " + url + " after " + attempts + " attempts: "
                    + failure, failure);
        }
        String detail = detail(body);
        String message = "HTTP " + status + " from " + url + ": " + detail;
        int unknown = detail.indexOf(UNKNOWN_PARAMETERS);
        if ((status == 400 || status == 404) && unknown >= 0) {
            List<String> fields = Arrays.stream(detail.substring(unknown + UNKNOWN_PARAMETERS.length()).split(","))
                    .map(String::strip).filter(f -> !f.isEmpty()).toList();
            return new MpUnknownFieldException(status, fields, message);
        }
        return switch (status) {
            case 401, 403 -> new MpAuthenticationException(status, message);
            case 404 -> new MpNotFoundException(url.encodedPath(), message);
            case 429 -> new MpRateLimitedException(attempts, retryAfter.orElse(null),
                    "still rate limited after " + attempts + " requests: " + message);
            default -> new MaterialsProjectException(status, attempts > 1 ? message + " (after " + attempts + " attempts)" : message);
        };
    }

    /** The server's {@code detail} (a string, or FastAPI's list of {loc, msg}), else the body itself. */
    private static String detail(String body) {
        try {
            JsonNode detail = MAPPER.readTree(body).path("detail");
            if (detail.isTextual()) {
                return detail.asText();
            }
            if (detail.isArray()) {
                StringBuilder sb = new StringBuilder();
                for (JsonNode d : detail) {
                    JsonNode loc = d.path("loc");
                    sb.append(sb.length() > 0 ? "; " : "").append(loc.isArray() ? loc.get(loc.size() - 1).asText() : "?")
                            .append(" - ").append(d.path("msg").asText());
                }
                return sb.toString();
            }
        } catch (IOException | RuntimeException notJson) {
            // fall through: the body is not FastAPI's error JSON
        }
        return body.length() > 300 ? body.substring(0, 300) + "..." : body;
    }
}
