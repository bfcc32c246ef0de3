package dev.orion.samples.spring;

import dev.orion.store.Page;
import dev.orion.store.PageRequest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Page parameters of the list endpoints ({@code limit}, {@code cursor}) and the page body they answer with. */
final class Paging {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 1000;

    private Paging() {
    }

    /**
     * @param limit  how many items, 1 to {@value #MAX_LIMIT}
     * @param cursor the {@code next} of the previous page, if any
     * @return the store's page request, newest first
     */
    static PageRequest request(int limit, Optional<String> cursor) {
        return page(limit, cursor, true);
    }

    /**
     * @param limit  how many items, 1 to {@value #MAX_LIMIT}
     * @param cursor the {@code next} of the previous page, if any
     * @return the store's page request, oldest first (the order of a queue)
     */
    static PageRequest oldestFirst(int limit, Optional<String> cursor) {
        return page(limit, cursor, false);
    }

    private static PageRequest page(int limit, Optional<String> cursor, boolean newestFirst) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + ", was " + limit);
        }
        PageRequest first = newestFirst ? PageRequest.first(limit).newestFirst() : PageRequest.first(limit);
        return cursor.filter(c -> !c.isBlank()).map(first::after).orElse(first);
    }

    /**
     * @param name  the query parameter
     * @param value its text, ISO-8601 ({@code 2026-01-31T00:00:00Z})
     * @return the instant
     */
    static Instant instant(String name, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " must be an ISO-8601 instant such as 2026-01-31T00:00:00Z, was '"
                    + value + "'", e);
        }
    }

    static <T, R> PageBody<R> body(Page<T> page, Function<T, R> view) {
        return new PageBody<>(page.items().stream().map(view).toList(), page.nextCursor());
    }

    /**
     * One page of a list endpoint.
     *
     * @param items the items, in the endpoint's order (newest first unless it says otherwise)
     * @param next  the cursor of the next page ({@code cursor=...}); absent on the last page
     * @param <T>   the item type
     */
    record PageBody<T>(List<T> items, Optional<String> next) {
    }
}
