package dev.orion.data.mp;

import dev.orion.structure.Element;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * A query over one Materials Project route: the ids asked for, the filters, the fields to return
 * ({@code _fields}), the sort order ({@code _sort_fields}), the page size and an optional cap on the
 * number of documents. {@link MaterialsProjectClient#search} runs any of them with the same paging,
 * id chunking, retries and caches. Immutable; each route's query has a builder
 * ({@link SummaryQuery#builder()}, {@link ThermoQuery#builder()}, {@link ElasticityQuery#builder()},
 * {@link ElectronicStructureQuery#builder()}, {@link ProvenanceQuery#builder()}). Two queries of one route
 * that send the same parameters are equal (the response cache is keyed by them).
 *
 * @param <D> the document type of the route
 */
public abstract sealed class MpQuery<D> permits SummaryQuery, ThermoQuery, ElasticityQuery, ElectronicStructureQuery,
        ProvenanceQuery {

    /** The largest page the API serves ({@code meta.max_limit}). */
    public static final int MAX_PAGE_SIZE = 1000;

    private final List<String> materialIds;
    private final Map<String, String> parameters;
    private final int pageSize;
    private final long limit;

    MpQuery(Builder<?, ?> b) {
        this.materialIds = List.copyOf(b.materialIds);
        Map<String, String> p = new LinkedHashMap<>(b.filters);
        b.minimums.forEach((range, v) -> p.put(range.field() + "_min", number(v)));
        b.maximums.forEach((range, v) -> p.put(range.field() + "_max", number(v)));
        if (!b.fields.isEmpty()) {
            p.put("_fields", String.join(",", b.fields));
        }
        if (!b.sortFields.isEmpty()) {
            p.put("_sort_fields", String.join(",", b.sortFields));
        }
        this.parameters = Collections.unmodifiableMap(p);
        this.pageSize = b.pageSize;
        this.limit = b.limit;
    }

    /** @return the route the query is sent to */
    public abstract MpRoute<D> route();

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
        return parameters;
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
    public final boolean equals(Object o) {
        return o instanceof MpQuery<?> q && q.route() == route() && q.materialIds.equals(materialIds)
                && q.parameters.equals(parameters) && q.pageSize == pageSize && q.limit == limit;
    }

    @Override
    public final int hashCode() {
        return (((route().hashCode() * 31 + materialIds.hashCode()) * 31 + parameters.hashCode()) * 31 + pageSize) * 31
                + Long.hashCode(limit);
    }

    @Override
    public final String toString() {
        return getClass().getSimpleName() + (materialIds.isEmpty() ? "" : "[" + materialIds.size() + " ids]") + parameters
                + " pageSize=" + pageSize + limit().stream().mapToObj(l -> " limit=" + l).findFirst().orElse("");
    }

    /**
     * What every route's query builder has: ids, projection, sorting, page size and limit. Each setter
     * replaces an earlier value (sort keys add up).
     *
     * @param <Q> the query built
     * @param <B> the concrete builder, returned by every setter
     */
    public abstract static sealed class Builder<Q extends MpQuery<?>, B extends Builder<Q, B>>
            permits RangedBuilder, ProvenanceQuery.Builder {
        private final List<String> materialIds = new ArrayList<>();
        private final Map<String, String> filters = new LinkedHashMap<>();
        private final Map<MpRange, Double> minimums = new LinkedHashMap<>();
        private final Map<MpRange, Double> maximums = new LinkedHashMap<>();
        private final List<String> fields = new ArrayList<>();
        private final List<String> sortFields = new ArrayList<>();
        private int pageSize = 500;
        private long limit = Long.MAX_VALUE;

        Builder() {
        }

        /** @return this builder, typed as the concrete builder */
        abstract B self();

        /** @return the query, from a builder whose arguments were checked as they were set */
        abstract Q create();

        /**
         * Only these materials ({@code material_ids}); long lists are sent in several requests.
         *
         * @param ids ids such as {@code mp-149}
         * @return this builder
         * @throws IllegalArgumentException if an id is blank or contains a comma
         */
        public B materialIds(String... ids) {
            return materialIds(Arrays.asList(ids));
        }

        /**
         * Only these materials ({@code material_ids}); long lists are sent in several requests.
         *
         * @param ids ids such as {@code mp-149}
         * @return this builder
         * @throws IllegalArgumentException if an id is blank or contains a comma
         */
        public B materialIds(List<String> ids) {
            materialIds.clear();
            for (String id : ids) {
                materialIds.add(token("materialIds", id));
            }
            return self();
        }

        /**
         * Returns only these fields ({@code _fields}); without it the route returns its default set.
         * Dotted paths ({@code symmetry.number}, {@code bulk_modulus.vrh}) are allowed.
         *
         * @return this builder
         * @throws IllegalArgumentException if a field is blank or contains a comma
         */
        public B fields(String... names) {
            fields.clear();
            for (String name : names) {
                fields.add(token("fields", name));
            }
            return self();
        }

        /**
         * Sorts by a field, ascending; call again for secondary keys.
         *
         * @return this builder
         * @throws IllegalArgumentException if the field is blank or contains a comma
         */
        public B sortBy(String field) {
            sortFields.add(token("sortBy", field));
            return self();
        }

        /**
         * Sorts by a field, descending ({@code -field}); call again for secondary keys.
         *
         * @return this builder
         * @throws IllegalArgumentException if the field is blank or contains a comma
         */
        public B sortByDescending(String field) {
            sortFields.add("-" + token("sortByDescending", field));
            return self();
        }

        /**
         * How many documents each request asks for (default 500).
         *
         * @return this builder
         * @throws IllegalArgumentException if {@code size} is outside 1..{@value MpQuery#MAX_PAGE_SIZE}
         */
        public B pageSize(int size) {
            if (size < 1 || size > MAX_PAGE_SIZE) {
                throw new IllegalArgumentException("pageSize must be 1.." + MAX_PAGE_SIZE + ", got " + size);
            }
            this.pageSize = size;
            return self();
        }

        /**
         * Returns at most this many documents in total.
         *
         * @return this builder
         * @throws IllegalArgumentException if {@code max < 1}
         */
        public B limit(long max) {
            if (max < 1) {
                throw new IllegalArgumentException("limit must be positive, got " + max);
            }
            this.limit = max;
            return self();
        }

        /**
         * @return the immutable query
         * @throws IllegalArgumentException if a range's minimum is above its maximum
         */
        public Q build() {
            for (Map.Entry<MpRange, Double> min : minimums.entrySet()) {
                Double max = maximums.get(min.getKey());
                if (max != null && min.getValue() > max) {
                    throw new IllegalArgumentException("range " + min.getKey().field() + ": min " + min.getValue()
                            + " > max " + max);
                }
            }
            return create();
        }

        /** Bounds a numeric field from below ({@code minimum}) or above. */
        B bound(MpRange field, boolean minimum, double value) {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("bound of " + field.field() + " must be finite, got " + value);
            }
            (minimum ? minimums : maximums).put(field, value);
            return self();
        }

        /** Sets a filter that takes one value. */
        B filter(String parameter, String value) {
            filters.put(parameter, value);
            return self();
        }

        /** Sets a filter that takes a comma-separated list; no values remove it. */
        B list(String parameter, String... values) {
            if (values.length == 0) {
                filters.remove(parameter);
                return self();
            }
            List<String> checked = new ArrayList<>();
            for (String v : values) {
                checked.add(token(parameter, v));
            }
            filters.put(parameter, String.join(",", checked));
            return self();
        }

        /** {@code formula}: reduced, anonymous or with wildcards. */
        B formulas(String... formulas) {
            return list("formula", formulas);
        }

        /** {@code chemsys}, each system checked to name known elements (or {@code *}). */
        B chemicalSystems(String... systems) {
            for (String system : systems) {
                for (String symbol : token("chemicalSystem", system).split("-")) {
                    if (!symbol.equals("*") && Element.parse(symbol).isEmpty()) {
                        throw new IllegalArgumentException("chemicalSystem: unknown element '" + symbol + "' in '" + system + "'");
                    }
                }
            }
            return list("chemsys", systems);
        }

        /** {@code elements} or {@code exclude_elements}. */
        B elementList(String parameter, Element... elements) {
            return list(parameter, Arrays.stream(elements).map(Element::name).toArray(String[]::new));
        }

        static String token(String argument, String value) {
            if (value == null || value.isBlank() || value.contains(",")) {
                throw new IllegalArgumentException(argument + ": expected a non-blank value without commas, got '"
                        + value + "'");
            }
            return value.strip();
        }
    }

    /**
     * The builder of a route that indexes numeric fields: besides what every builder has, ranges over
     * the route's fields {@code R}.
     *
     * @param <Q> the query built
     * @param <R> the route's numeric fields
     * @param <B> the concrete builder, returned by every setter
     */
    public abstract static sealed class RangedBuilder<Q extends MpQuery<?>, R extends MpRange, B extends RangedBuilder<Q, R, B>>
            extends Builder<Q, B>
            permits SummaryQuery.Builder, ThermoQuery.Builder, ElasticityQuery.Builder, ElectronicStructureQuery.Builder {

        RangedBuilder() {
        }

        /**
         * Bounds a numeric field on both sides ({@code <field>_min}, {@code <field>_max}).
         *
         * @return this builder
         * @throws IllegalArgumentException if a bound is not finite or {@code min > max}
         */
        public B range(R field, double min, double max) {
            if (min > max) {
                throw new IllegalArgumentException("range " + field.field() + ": min " + min + " > max " + max);
            }
            return min(field, min).max(field, max);
        }

        /**
         * Bounds a numeric field from below ({@code <field>_min}).
         *
         * @return this builder
         * @throws IllegalArgumentException if the bound is not finite
         */
        public B min(R field, double min) {
            return bound(field, true, min);
        }

        /**
         * Bounds a numeric field from above ({@code <field>_max}).
         *
         * @return this builder
         * @throws IllegalArgumentException if the bound is not finite
         */
        public B max(R field, double max) {
            return bound(field, false, max);
        }
    }
}
