package dev.orion.store.internal;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Ids for stored resources: UUIDs in the version-7 layout (48-bit millisecond time, then 74 random
 * bits). Time-ordered ids keep primary-key B-tree inserts near the right edge of the index, which
 * matters for high-volume tables such as LLM call records; the random part keeps them unguessable.
 */
public final class StoreIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private StoreIds() {
    }

    /** @return a new id */
    public static String newId() {
        long millis = System.currentTimeMillis();
        long rand = RANDOM.nextLong();
        long msb = (millis << 16) | 0x7000L | ((rand >>> 52) & 0x0FFFL);
        long lsb = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb).toString();
    }
}
