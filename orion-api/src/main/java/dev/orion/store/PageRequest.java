package dev.orion.store;

import java.util.Objects;
import java.util.Optional;

/**
 * Asks for one page of a query: at most {@code limit} items after an opaque keyset cursor.
 *
 * <p>Keyset cursors stay correct while rows are inserted, and cost the same on page 1 and page
 * 10,000 (no {@code OFFSET} scan). Results come oldest first unless {@link #descending()}.
 *
 * @param limit       the most items on the page, 1 to 10,000
 * @param cursor      the {@link Page#nextCursor()} of the previous page, empty for the first page
 * @param descending  whether to return the newest items first
 */
public record PageRequest(int limit, Optional<String> cursor, boolean descending) {

    /** The largest page size. */
    public static final int MAX_LIMIT = 10_000;

    /** Validates the request. */
    public PageRequest {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("page limit must be 1.." + MAX_LIMIT + ", got " + limit);
        }
        Objects.requireNonNull(cursor, "cursor");
    }

    /**
     * @param limit the page size
     * @return a request for the first page, oldest first
     */
    public static PageRequest first(int limit) {
        return new PageRequest(limit, Optional.empty(), false);
    }

    /**
     * @param nextCursor the cursor from the previous page
     * @return this request moved to the page after {@code nextCursor}
     */
    public PageRequest after(String nextCursor) {
        return new PageRequest(limit, Optional.of(nextCursor), descending);
    }

    /** @return this request with newest items first */
    public PageRequest newestFirst() {
        return new PageRequest(limit, cursor, true);
    }
}
