package dev.orion.data.mp;

/**
 * A query over {@code materials/provenance}: where each material's structure comes from (experimental
 * database ids such as ICSD, references, authors, history). The parameters are those of mp-api's
 * {@code ProvenanceRester.search}:
 * <pre>{@code
 * List<MaterialProvenance> origins = mp.searchAll(ProvenanceQuery.builder().materialIds("mp-149", "mp-13")
 *         .deprecated(false).build());
 * }</pre>
 */
public final class ProvenanceQuery extends MpQuery<MaterialProvenance> {

    private ProvenanceQuery(Builder b) {
        super(b);
    }

    /** @return a builder of a query that matches every provenance document */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The provenance documents of some materials.
     *
     * @param ids Materials Project ids, e.g. {@code mp-149}
     * @return the query
     * @throws IllegalArgumentException if an id is blank or contains a comma
     */
    public static ProvenanceQuery ofMaterialIds(String... ids) {
        return builder().materialIds(ids).build();
    }

    @Override
    public MpRoute<MaterialProvenance> route() {
        return MpRoute.PROVENANCE;
    }

    /** Collects the filters of a {@link ProvenanceQuery}; the route indexes no numeric field to bound. */
    public static final class Builder extends MpQuery.Builder<ProvenanceQuery, Builder> {

        private Builder() {
        }

        @Override
        Builder self() {
            return this;
        }

        @Override
        ProvenanceQuery create() {
            return new ProvenanceQuery(this);
        }

        /** Only deprecated (or only current) materials ({@code deprecated}). @return this builder */
        public Builder deprecated(boolean deprecated) {
            return filter("deprecated", Boolean.toString(deprecated));
        }
    }
}
