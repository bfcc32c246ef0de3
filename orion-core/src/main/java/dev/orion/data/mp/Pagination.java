package dev.orion.data.mp;

/**
 * How {@link MaterialsProjectClient} asks for the pages of a result: both styles are accepted by the
 * API and give the same documents.
 */
public enum Pagination {
    /** {@code _limit} and {@code _skip} (the default). */
    LIMIT_SKIP,
    /** {@code _page} (1-based) and {@code _per_page}. */
    PAGE_PER_PAGE
}
