package dev.orion.store.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Keyset cursors: the opaque text of a {@code Page.nextCursor()} encodes the sequence number of the
 * last row returned. Both store implementations order rows by an insertion sequence.
 */
public final class Cursors {

    private static final String TAG = "seq:";

    private Cursors() {
    }

    /** @param seq the last sequence number returned  @return the cursor text */
    public static String encode(long seq) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((TAG + seq).getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * @param cursor cursor text
     * @return the sequence number it encodes
     * @throws IllegalArgumentException if it is not a cursor made by {@link #encode}
     */
    public static long decode(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            if (!text.startsWith(TAG)) {
                throw new IllegalArgumentException("not a page cursor: '" + cursor + "'");
            }
            return Long.parseLong(text.substring(TAG.length()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a page cursor: '" + cursor + "'", e);
        }
    }
}
