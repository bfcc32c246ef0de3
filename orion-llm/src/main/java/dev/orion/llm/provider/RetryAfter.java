package dev.orion.llm.provider;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import okhttp3.Headers;

/** Reads how long a provider asked to wait: {@code retry-after-ms}, then {@code retry-after} (seconds or HTTP date). */
final class RetryAfter {

    private RetryAfter() {
    }

    /** The wait, or null when the headers name none or name one that cannot be read. */
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
