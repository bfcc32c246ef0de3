package dev.orion.io.cif;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** One {@code data_} block of a CIF: its name and its tags, each with a {@link CifColumn}. */
final class CifBlock {

    private final String name;
    private final int offset;
    /** Sized for a typical block of a few dozen tags, so that it rarely rehashes. */
    private final Map<String, CifColumn> columns = new LinkedHashMap<>(64);

    CifBlock(String name, int offset) {
        this.name = name;
        this.offset = offset;
    }

    /** @return the block name (after {@code data_}) */
    String name() {
        return name;
    }

    /** @return the offset of the {@code data_} header */
    int offset() {
        return offset;
    }

    /** @return false if the tag (lower case) is already in the block */
    boolean add(CifColumn column) {
        return columns.putIfAbsent(column.tag(), column) == null;
    }

    /** @param tag a lower-case tag @return its column, if the block has it */
    Optional<CifColumn> column(String tag) {
        return Optional.ofNullable(columns.get(tag));
    }

    /** @return the first of these tags that the block has */
    Optional<CifColumn> first(String... tags) {
        for (String tag : tags) {
            CifColumn c = columns.get(tag);
            if (c != null) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    Map<String, CifColumn> columns() {
        return Collections.unmodifiableMap(columns);
    }
}
