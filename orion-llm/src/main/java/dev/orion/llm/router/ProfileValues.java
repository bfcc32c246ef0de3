package dev.orion.llm.router;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the scalar values of a profile file strictly: a value of the wrong type, out of range, or with
 * trailing text is an {@code LlmConfigurationException} naming the path and the value, when the file is
 * loaded (never a silent coercion such as {@code "hot"} to 0.0 or {@code 4294967297} to 1).
 */
final class ProfileValues {

    /** The longest duration a profile may name: beyond it, instants and nanosecond expiries overflow. */
    static final Duration MAX_DURATION = CachePolicy.MAX_TTL;

    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d{1,12}(?:\\.\\d{1,9})?)\\s*(ms|s|m|h|d)");
    private static final Pattern PLAIN_NUMBER = Pattern.compile("-?\\d{1,30}(?:\\.\\d{1,30})?");

    private ProfileValues() {
    }

    /** A whole number in [min, max]; YAML strings and floats are refused. */
    static long integer(JsonNode node, String source, String path, long min, long max) {
        if (node == null || !node.isIntegralNumber()) {
            throw ProfileYaml.bad(source, path, "must be a whole number, was '" + text(node) + "'");
        }
        BigInteger v = node.bigIntegerValue();
        if (v.compareTo(BigInteger.valueOf(min)) < 0 || v.compareTo(BigInteger.valueOf(max)) > 0) {
            throw ProfileYaml.bad(source, path, "must be in [" + min + ", " + max + "], was '" + text(node) + "'");
        }
        return v.longValueExact();
    }

    /** A number in [min, max]. */
    static double decimal(JsonNode node, String source, String path, double min, double max) {
        if (node == null || !node.isNumber()) {
            throw ProfileYaml.bad(source, path, "must be a number, was '" + text(node) + "'");
        }
        double v = node.doubleValue();
        if (!(v >= min && v <= max)) {
            throw ProfileYaml.bad(source, path, "must be in [" + min + ", " + max + "], was '" + text(node) + "'");
        }
        return v;
    }

    /** A non-negative amount of US dollars, written as a number or a plain decimal string. */
    static BigDecimal usd(JsonNode node, String source, String path) {
        String t = text(node);
        if (node == null || !(node.isNumber() || node.isTextual()) || !PLAIN_NUMBER.matcher(t.strip()).matches()) {
            throw ProfileYaml.bad(source, path, "must be an amount in USD such as 0.05, was '" + t + "'");
        }
        BigDecimal v = new BigDecimal(t.strip());
        if (v.signum() < 0) {
            throw ProfileYaml.bad(source, path, "must be >= 0, was '" + t + "'");
        }
        return v;
    }

    /** {@code true} or {@code false}, nothing else. */
    static boolean bool(JsonNode node, String source, String path) {
        if (node == null || !node.isBoolean()) {
            throw ProfileYaml.bad(source, path, "must be true or false, was '" + text(node) + "'");
        }
        return node.booleanValue();
    }

    /** One of an enum's constants, case-insensitive, {@code -} for {@code _} ({@code api-key}). */
    static <E extends Enum<E>> E choice(JsonNode node, Class<E> type, String source, String path) {
        String t = text(node);
        if (node != null && node.isTextual()) {
            for (E e : type.getEnumConstants()) {
                if (e.name().equals(t.strip().toUpperCase(Locale.ROOT).replace('-', '_'))) {
                    return e;
                }
            }
        }
        throw ProfileYaml.bad(source, path, "must be one of " + Arrays.stream(type.getEnumConstants())
                .map(e -> e.name().toLowerCase(Locale.ROOT).replace('_', '-')).toList() + ", was '" + t + "'");
    }

    /**
     * Reads {@code 250ms}, {@code 10s}, {@code 5m}, {@code 1h}, {@code 2d}, ISO-8601 ({@code PT1M}) or plain
     * seconds; at most {@link #MAX_DURATION}.
     */
    static Duration duration(JsonNode node, String source, String path) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            throw ProfileYaml.bad(source, path, "is missing");
        }
        String t = text(node).strip();
        Duration d;
        try {
            d = parse(node, t);
        } catch (ArithmeticException | DateTimeParseException | NumberFormatException e) {
            d = null;
        }
        if (d == null) {
            throw ProfileYaml.bad(source, path, "is not a duration (e.g. 250ms, 10s, 5m, 1h, PT1M), was '" + t + "'");
        }
        if (d.isNegative() || d.compareTo(MAX_DURATION) > 0) {
            throw ProfileYaml.bad(source, path, "must be between 0 and " + MAX_DURATION.toDays() + "d, was '" + t + "'");
        }
        return d;
    }

    private static Duration parse(JsonNode node, String t) {
        if (node.isNumber()) {
            return millis(node.decimalValue().multiply(BigDecimal.valueOf(1000)));
        }
        Matcher m = SHORT_DURATION.matcher(t);
        if (m.matches()) {
            long unitMs = switch (m.group(2)) {
                case "ms" -> 1;
                case "s" -> 1000;
                case "m" -> 60_000;
                case "h" -> 3_600_000;
                default -> 86_400_000;
            };
            return millis(new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(unitMs)));
        }
        return node.isTextual() ? Duration.parse(t) : null;
    }

    /** Milliseconds, or null when they exceed the longest duration (so {@code 1e300} never overflows). */
    private static Duration millis(BigDecimal ms) {
        if (ms.abs().compareTo(BigDecimal.valueOf(MAX_DURATION.toMillis()).add(BigDecimal.ONE)) > 0) {
            return Duration.ofMillis(ms.signum() < 0 ? -1 : MAX_DURATION.toMillis() + 1);
        }
        return Duration.ofMillis(ms.setScale(0, java.math.RoundingMode.HALF_UP).longValueExact());
    }

    private static String text(JsonNode node) {
        return node == null || node.isMissingNode() ? "" : node.isValueNode() ? node.asText() : node.toString();
    }
}
