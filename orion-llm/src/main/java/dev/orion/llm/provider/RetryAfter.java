package dev.orion.llm.provider;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import okhttp3.Headers;

/**
 * Reads how long a provider asked to wait: {@code retry-after-ms}, then {@code retry-after} (seconds or
 * HTTP date), and, for a 429 without either, OpenAI's {@code x-ratelimit-reset-requests} or
 * {@code x-ratelimit-reset-tokens} of the exhausted limit (durations like {@code 1s}, {@code 6m0s},
 * {@code 20ms}).
 */
final class RetryAfter {

    private RetryAfter() {
    }

    private static final java.util.regex.Pattern GO_DURATION =
            java.util.regex.Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|h|m|s)");

    /** The wait for a response of {@code status}, or null when the headers name none that can be read. */
    static Duration parse(int status, Headers headers, Instant now) {
        Duration d = parse(headers, now);
        if (d != null || status != 429) {
            return d;
        }
        Duration requests = "0".equals(headers.get("x-ratelimit-remaining-requests"))
                ? goDuration(headers.get("x-ratelimit-reset-requests")) : null;
        Duration tokens = "0".equals(headers.get("x-ratelimit-remaining-tokens"))
                ? goDuration(headers.get("x-ratelimit-reset-tokens")) : null;
        if (requests == null) {
            return tokens;
        }
        return tokens == null || requests.compareTo(tokens) >= 0 ? requests : tokens;
    }

    /** Reads {@code 1h2m3.5s}, {@code 6m0s}, {@code 20ms}; null when absent or unreadable. */
    static Duration goDuration(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        java.util.regex.Matcher m = GO_DURATION.matcher(text.strip());
        long nanos = 0;
        int end = 0;
        while (m.find()) {
            if (m.start() != end) {
                return null;
            }
            double v = Double.parseDouble(m.group(1));
            nanos += (long) (v * switch (m.group(2)) {
                case "h" -> 3_600e9;
                case "m" -> 60e9;
                case "s" -> 1e9;
                default -> 1e6;
            });
            end = m.end();
        }
        return end == text.strip().length() && end > 0 ? Duration.ofNanos(nanos) : null;
    }

    /** The wait named by {@code retry-after-ms} or {@code retry-after}, or null. */
    static Duration parse(Headers headers, Instant now) {
        String ms = headers.get("retry-after-ms");
        if (ms != null) {
            try {
                double v = Double.parseDouble(ms.trim());
                if (v >= 0 && Double.isFinite(v)) {
                    return Duration.ofNanos((long) (v * 1_000_000));
                }
            } catch (NumberFormatException ignored) {
                // fall through to retry-after
            }
        }
        String ra = headers.get("retry-after");
        if (ra == null) {
            return null;
        }
        ra = ra.trim();
        try {
            double seconds = Double.parseDouble(ra);
            return seconds >= 0 && Double.isFinite(seconds) ? Duration.ofMillis((long) (seconds * 1000)) : null;
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(ra, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration d = Duration.between(now, at);
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }
}
