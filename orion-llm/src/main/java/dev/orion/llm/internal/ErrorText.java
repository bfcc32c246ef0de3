package dev.orion.llm.internal;

import java.util.Collection;
import java.util.regex.Pattern;

/**
 * Makes error text safe to keep: removes secrets (the configured API keys and anything shaped like a
 * bearer token or a provider key) and caps the length, so a provider that echoes the key in an error body
 * never puts it in an exception, a log line or {@code llm_calls.error}.
 */
public final class ErrorText {

    /** The most characters of error text kept. */
    public static final int MAX_LENGTH = 2_000;

    /** What a secret is replaced with. */
    public static final String REDACTED = "[REDACTED]";

    /** Shorter values are not searched for: a one-letter test key would shred every message, and no real key is that short. */
    private static final int MIN_SECRET_LENGTH = 8;
    private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)[A-Za-z0-9._~+/=-]{8,}");
    private static final Pattern PROVIDER_KEY = Pattern.compile("\\b(?:sk|rk|pk)-[A-Za-z0-9_-]{16,}");

    private ErrorText() {
    }

    /**
     * Error text with secrets removed and at most {@link #MAX_LENGTH} characters.
     *
     * @param text    the text, may be null (becomes {@code ""})
     * @param secrets exact values to remove (e.g. the configured API key); values under 8 characters are ignored
     * @return the safe text
     */
    public static String safe(String text, Collection<String> secrets) {
        if (text == null) {
            return "";
        }
        // cut first (with room for what redaction removes), so a huge body is never scanned whole
        String s = redact(text.length() > 4 * MAX_LENGTH ? text.substring(0, 4 * MAX_LENGTH) : text, secrets);
        if (s.length() > MAX_LENGTH || text.length() > 4 * MAX_LENGTH) {
            return s.substring(0, Math.min(s.length(), MAX_LENGTH - 40)) + "... (" + text.length() + " characters in all)";
        }
        return s;
    }

    /**
     * Text with secrets removed, not shortened (for a body that is parsed before it is shown).
     *
     * @param text    the text
     * @param secrets exact values to remove; values under 8 characters are ignored
     * @return the text without them
     */
    public static String redact(String text, Collection<String> secrets) {
        String s = text;
        for (String secret : secrets) {
            if (secret != null && secret.strip().length() >= MIN_SECRET_LENGTH) {
                s = s.replace(secret, REDACTED);
            }
        }
        s = BEARER.matcher(s).replaceAll("$1" + REDACTED);
        return PROVIDER_KEY.matcher(s).replaceAll(REDACTED);
    }
}
