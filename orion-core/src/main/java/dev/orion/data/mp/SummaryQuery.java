package dev.orion.data.mp;

import dev.orion.structure.Element;
import dev.orion.symmetry.CrystalSystem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

/**
 * A query over {@code materials/summary}: filters, the fields to return ({@code _fields}), the sort
 * order ({@code _sort_fields}), the page size and an optional cap on the number of documents.
 * Immutable; build with {@link #builder()}:
 * <pre>{@code
 * SummaryQuery q = SummaryQuery.builder()
 *         .elements(Element.Li, Element.Fe, Element.O).excludeElements(Element.Co)
 *         .range(SummaryRange.BAND_GAP, 0.5, 3.0).max(SummaryRange.ENERGY_ABOVE_HULL, 0.05)
 *         .fields("material_id", "formula_pretty", "band_gap", "structure")
 *         .sortBy("energy_above_hull").limit(200)
 *         .build();
 * }</pre>
 * Two queries that send the same parameters are equal (the response cache is keyed by them).
 */
public final class SummaryQuery {

    /** The largest page the API serves ({@code meta.max_limit}). */
    public static final int MAX_PAGE_SIZE = 1000;

    private final List<String> materialIds;
    private final Map<String, String> filters;
    private final int pageSize;
    private final long limit;

    private SummaryQuery(Builder b) {
        this.materialIds = List.copyOf(b.materialIds);
        Map<String, String> f = new LinkedHashMap<>(b.filters);
        b.minimums.forEach((range, v) -> f.put(range.field() + "_min", number(v)));
        b.maximums.forEach((range, v) -> f.put(range.field() + "_max", number(v)));
        if (!b.fields.isEmpty()) {
            f.put("_fields", String.join(",", b.fields));
        }
        if (!b.sortFields.isEmpty()) {
            f.put("_sort_fields", String.join(",", b.sortFields));
        }
        this.filters = Collections.unmodifiableMap(f);
        this.pageSize = b.pageSize;
        this.limit = b.limit;
    }

    /** @return a builder of a query that matches every material */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A query for some materials by id.
     *
     * @param ids Materials Project ids, e.g. {@code mp-149}
     * @return the query
     * @throws IllegalArgumentException if an id is blank or contains a comma
     */
    public static SummaryQuery ofMaterialIds(String... ids) {
        return builder().materialIds(ids).build();
    }

    /** @return the material ids asked for, in the order given (empty: no id filter) */
    public List<String> materialIds() {
        return materialIds;
    }

    /**
     * The query parameters sent with every page, without the ids and the pagination parameters:
     * filters, ranges, {@code _fields} and {@code _sort_fields}.
     *
     * @return the parameters in a stable order
     */
    public Map<String, String> parameters() {
        return filters;
    }

    /** @return how many documents each request asks for, 1 to {@value #MAX_PAGE_SIZE} */
    public int pageSize() {
        return pageSize;
    }

    /** @return the most documents the query returns in total, if capped */
    public OptionalLong limit() {
        return limit == Long.MAX_VALUE ? OptionalLong.empty() : OptionalLong.of(limit);
    }

    /**
     * Splits the ids into chunks whose comma-joined text is at most {@code maxCharacters} long, so
     * that no URL grows past what servers and proxies accept (HTTP 414).
     */
    List<String> idChunks(int maxCharacters) {
        List<String> chunks = new ArrayList<>();
        StringBuilder chunk = new StringBuilder();
        for (String id : materialIds) {
            if (chunk.length() > 0 && chunk.length() + 1 + id.length() > maxCharacters) {
                chunks.add(chunk.toString());
                chunk.setLength(0);
            }
            chunk.append(chunk.length() > 0 ? "," : "").append(id);
        }
        if (chunk.length() > 0) {
            chunks.add(chunk.toString());
        }
        return chunks;
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SummaryQuery q && q.materialIds.equals(materialIds) && q.filters.equals(filters)
                && q.pageSize == pageSize && q.limit == limit;
    }

    @Override
    public int hashCode() {
        return ((materialIds.hashCode() * 31 + filters.hashCode()) * 31 + pageSize) * 31 + Long.hashCode(limit);
    }

    @Override
    public String toString() {
        return "SummaryQuery" + (materialIds.isEmpty() ? "" : "[" + materialIds.size() + " ids]") + filters
                + " pageSize=" + pageSize + limit().stream().mapToObj(l -> " limit=" + l).findFirst().orElse("");
    }

    /** Collects the filters of a {@link SummaryQuery}; each setter replaces an earlier value. */
    public static final class Builder {
        private final List<String> materialIds = new ArrayList<>();
        private final Map<String, String> filters = new LinkedHashMap<>();
        private final Map<SummaryRange, Double> minimums = new EnumMap<>(SummaryRange.class);
        private final Map<SummaryRange, Double> maximums = new EnumMap<>(SummaryRange.class);
        private final List<String> fields = new ArrayList<>();
        private final List<String> sortFields = new ArrayList<>();
        private int pageSize = 500;
        private long limit = Long.MAX_VALUE;

        private Builder() {
        }

        /**
         * Only these materials ({@code material_ids}); long lists are sent in several requests.
         *
         * @param ids ids such as {@code mp-149}
         * @return this builder
         * @throws IllegalArgumentException if an id is blank or contains a comma
         */
        public Builder materialIds(String... ids) {
            return materialIds(Arrays.asList(ids));
        }

        /**
         * Only these materials ({@code material_ids}); long lists are sent in several requests.
         *
         * @param ids ids such as {@code mp-149}
         * @return this builder
         * @throws IllegalArgumentException if an id is blank or contains a comma
         */
        public Builder materialIds(List<String> ids) {
            materialIds.clear();
            for (String id : ids) {
                materialIds.add(token("materialIds", id));
            }
            return this;
        }

        /**
         * Materials with one of these formulas ({@code formula}): reduced ({@code Fe2O3}), anonymous
         * ({@code ABO3}) or with wildcards ({@code Si*}).
         *
         * @return this builder
         * @throws IllegalArgumentException if a formula is blank or contains a comma
         */
        public Builder formula(String... formulas) {
            return list("formula", formulas);
        }

        /**
         * Materials in one of these chemical systems ({@code chemsys}), e.g. {@code Li-Fe-O}.
         *
         * @return this builder
         * @throws IllegalArgumentException if a system is blank, contains a comma or names no element
         */
        public Builder chemicalSystem(String... systems) {
            for (String system : systems) {
                for (String symbol : token("chemicalSystem", system).split("-")) {
                    if (!symbol.equals("*") && Element.parse(symbol).isEmpty()) {
                        throw new IllegalArgumentException("chemicalSystem: unknown element '" + symbol + "' in '" + system + "'");
                    }
                }
            }
            return list("chemsys", systems);
        }

        /** Materials that contain all these elements ({@code elements}). @return this builder */
        public Builder elements(Element... elements) {
            return list("elements", Arrays.stream(elements).map(Element::name).toArray(String[]::new));
        }

        /** Materials that contain none of these elements ({@code exclude_elements}). @return this builder */
        public Builder excludeElements(Element... elements) {
            return list("exclude_elements", Arrays.stream(elements).map(Element::name).toArray(String[]::new));
        }

        /**
         * Bounds a numeric field on both sides ({@code <field>_min}, {@code <field>_max}).
         *
         * @return this builder
         * @throws IllegalArgumentException if a bound is not finite or {@code min > max}
         */
        public Builder range(SummaryRange field, double min, double max) {
            if (min > max) {
                throw new IllegalArgumentException("range " + field.field() + ": min " + min + " > max " + max);
            }
            return min(field, min).max(field, max);
        }

        /** Bounds a numeric field from below ({@code <field>_min}). @return this builder */
        public Builder min(SummaryRange field, double min) {
            minimums.put(field, finite(field, min));
            return this;
        }

        /** Bounds a numeric field from above ({@code <field>_max}). @return this builder */
        public Builder max(SummaryRange field, double max) {
            maximums.put(field, finite(field, max));
            return this;
        }

        /** Only materials on (or off) the convex hull ({@code is_stable}). @return this builder */
        public Builder stable(boolean stable) {
            filters.put("is_stable", Boolean.toString(stable));
            return this;
        }

        /** Only metals (or non-metals) ({@code is_metal}). @return this builder */
        public Builder metal(boolean metal) {
            filters.put("is_metal", Boolean.toString(metal));
            return this;
        }

        /** Only this crystal system ({@code crystal_system}, sent as e.g. {@code Cubic}). @return this builder */
        public Builder crystalSystem(CrystalSystem system) {
            String name = system.name().toLowerCase(Locale.ROOT);
            filters.put("crystal_system", Character.toUpperCase(name.charAt(0)) + name.substring(1));
            return this;
        }

        /**
         * Only this space-group type ({@code spacegroup_number}).
         *
         * @return this builder
         * @throws IllegalArgumentException if {@code number} is outside 1..230
         */
        public Builder spaceGroupNumber(int number) {
            if (number < 1 || number > 230) {
                throw new IllegalArgumentException("spaceGroupNumber must be 1..230, got " + number);
            }
            filters.put("spacegroup_number", Integer.toString(number));
            return this;
        }

        /**
         * Returns only these fields ({@code _fields}); without it the API returns its default set.
         * Dotted paths ({@code symmetry.number}) are allowed.
         *
         * @return this builder
         * @throws IllegalArgumentException if a field is blank or contains a comma
         */
        public Builder fields(String... names) {
            fields.clear();
            for (String name : names) {
                fields.add(token("fields", name));
            }
            return this;
        }

        /** Sorts by a field, ascending; call again for secondary keys. @return this builder */
        public Builder sortBy(String field) {
            sortFields.add(token("sortBy", field));
            return this;
        }

        /** Sorts by a field, descending ({@code -field}); call again for secondary keys. @return this builder */
        public Builder sortByDescending(String field) {
            sortFields.add("-" + token("sortByDescending", field));
            return this;
        }

        /**
         * How many documents each request asks for (default 500).
         *
         * @return this builder
         * @throws IllegalArgumentException if {@code size} is outside 1..{@value #MAX_PAGE_SIZE}
         */
        public Builder pageSize(int size) {
            if (size < 1 || size > MAX_PAGE_SIZE) {
                throw new IllegalArgumentException("pageSize must be 1.." + MAX_PAGE_SIZE + ", got " + size);
            }
            this.pageSize = size;
            return this;
        }

        /**
         * Returns at most this many documents in total.
         *
         * @return this builder
         * @throws IllegalArgumentException if {@code max < 1}
         */
        public Builder limit(long max) {
            if (max < 1) {
                throw new IllegalArgumentException("limit must be positive, got " + max);
            }
            this.limit = max;
            return this;
        }

        /** @return the immutable query */
        public SummaryQuery build() {
            for (SummaryRange r : minimums.keySet()) {
                if (maximums.containsKey(r) && minimums.get(r) > maximums.get(r)) {
                    throw new IllegalArgumentException("range " + r.field() + ": min " + minimums.get(r)
                            + " > max " + maximums.get(r));
                }
            }
            return new SummaryQuery(this);
        }

        private Builder list(String parameter, String... values) {
            if (values.length == 0) {
                filters.remove(parameter);
                return this;
            }
            List<String> checked = new ArrayList<>();
            for (String v : values) {
                checked.add(token(parameter, v));
            }
            filters.put(parameter, String.join(",", checked));
            return this;
        }

        private static double finite(SummaryRange field, double v) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("bound of " + field.field() + " must be finite, got " + v);
            }
            return v;
        }

        private static String token(String argument, String value) {
            if (value == null || value.isBlank() || value.contains(",")) {
                throw new IllegalArgumentException(argument + ": expected a non-blank value without commas, got '"
                        + value + "'");
            }
            return value.strip();
        }
    }
}
