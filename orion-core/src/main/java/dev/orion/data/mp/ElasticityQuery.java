package dev.orion.data.mp;

/**
 * A query over {@code materials/elasticity}: elastic tensors, bulk and shear moduli, Poisson's ratio.
 * The parameters are those of the server's query operators (the ones mp-api's
 * {@code ElasticityRester.search} sends):
 * <pre>{@code
 * ElasticityQuery q = ElasticityQuery.builder().chemicalSystem("Ti-O")
 *         .min(ElasticityRange.K_VRH, 150).range(ElasticityRange.POISSON, 0.2, 0.3).build();
 * }</pre>
 */
public final class ElasticityQuery extends MpQuery<MaterialElasticity> {

    private ElasticityQuery(Builder b) {
        super(b);
    }

    /** @return a builder of a query that matches every elasticity document */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The elasticity documents of some materials.
     *
     * @param ids Materials Project ids, e.g. {@code mp-149}
     * @return the query
     * @throws IllegalArgumentException if an id is blank or contains a comma
     */
    public static ElasticityQuery ofMaterialIds(String... ids) {
        return builder().materialIds(ids).build();
    }

    @Override
    public MpRoute<MaterialElasticity> route() {
        return MpRoute.ELASTICITY;
    }

    /** Collects the filters of an {@link ElasticityQuery}; each setter replaces an earlier value. */
    public static final class Builder extends MpQuery.RangedBuilder<ElasticityQuery, ElasticityRange, Builder> {

        private Builder() {
        }

        @Override
        Builder self() {
            return this;
        }

        @Override
        ElasticityQuery create() {
            return new ElasticityQuery(this);
        }

        /**
         * Materials in one of these chemical systems ({@code chemsys}), e.g. {@code Ti-O}.
         *
         * @return this builder
         * @throws IllegalArgumentException if a system is blank, contains a comma or names no element
         */
        public Builder chemicalSystem(String... systems) {
            return chemicalSystems(systems);
        }
    }
}
