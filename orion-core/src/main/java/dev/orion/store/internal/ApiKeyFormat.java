package dev.orion.store.internal;

import dev.orion.tenant.TenantId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text form of ORION API keys, {@code orion_<tenant>_<id>_<secret>}: a recognisable prefix, the
 * tenant (so a key is checked inside its tenant, under row-level security), a 12-character public id
 * and 256 bits of randomness in base64url.
 *
 * <p>Only the SHA-256 of the whole text is stored. A slow password hash is unnecessary here: the
 * secret is 256 random bits, not a human password, so brute force over the hash is hopeless.
 */
public final class ApiKeyFormat {

    /** The prefix every key starts with. */
    public static final String PREFIX = "orion_";

    private static final Pattern KEY = Pattern.compile(
            "orion_([a-z0-9][a-z0-9-]{0,62})_([A-Za-z0-9]{12})_([A-Za-z0-9_-]{43})");
    private static final char[] ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeyFormat() {
    }

    /**
     * A parsed key text.
     *
     * @param tenant the tenant named in the key
     * @param id     the public key id
     * @param text   the whole key text (secret)
     */
    public record Parsed(TenantId tenant, String id, String text) {
        @Override
        public String toString() {
            return "ApiKey[tenant=" + tenant + ", id=" + id + ", secret=<redacted>]";
        }
    }

    /**
     * @param tenant the tenant the key belongs to
     * @return a new key (id and text)
     */
    public static Parsed generate(TenantId tenant) {
        StringBuilder id = new StringBuilder(12);
        for (int i = 0; i < 12; i++) {
            id.append(ALPHANUMERIC[RANDOM.nextInt(ALPHANUMERIC.length)]);
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String text = PREFIX + tenant.value() + "_" + id + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        return new Parsed(tenant, id.toString(), text);
    }

    /**
     * @param text presented key text
     * @return its parts, empty if it is not an ORION key
     */
    public static Optional<Parsed> parse(String text) {
        if (text == null || text.length() > 200) {
            return Optional.empty();
        }
        Matcher m = KEY.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new Parsed(TenantId.of(m.group(1)), m.group(2), text));
    }

    /**
     * @param text the key text
     * @return the hex SHA-256 to store
     */
    public static String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /**
     * Compares a stored hash with the hash of presented text in constant time.
     *
     * @param storedHash the stored hex hash
     * @param text       the presented key text
     * @return whether they match
     */
    public static boolean matches(String storedHash, String text) {
        return MessageDigest.isEqual(storedHash.getBytes(StandardCharsets.US_ASCII),
                hash(text).getBytes(StandardCharsets.US_ASCII));
    }
}
