package dev.orion.store;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a query result.
 *
 * @param items      the items of this page, in query order
 * @param nextCursor the cursor that fetches the next page, empty on the last page
 * @param <T>        the item type
 */
public record Page<T>(List<T> items, Optional<String> nextCursor) {

    /** Copies the items. */
    public Page {
        items = List.copyOf(Objects.requireNonNull(items, "items"));
        Objects.requireNonNull(nextCursor, "nextCursor");
    }

    /** @return whether a next page may exist */
    public boolean hasNext() {
        return nextCursor.isPresent();
    }

    /**
     * @param request the request this page answered
     * @return the request for the next page
     * @throws java.util.NoSuchElementException on the last page
     */
    public PageRequest next(PageRequest request) {
        return request.after(nextCursor.orElseThrow());
    }
}
