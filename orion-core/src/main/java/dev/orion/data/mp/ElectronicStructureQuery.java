package dev.orion.data.mp;

import dev.orion.structure.Element;

/**
 * A query over {@code materials/electronic_structure}: band gaps, band edges, the Fermi level, whether
 * the gap is direct, metallicity and magnetic ordering. The parameters are those of mp-api's
 * {@code ElectronicStructureRester.search}:
 * <pre>{@code
 * ElectronicStructureQuery q = ElectronicStructureQuery.builder().elements(Element.Ga)
 *         .range(ElectronicStructureRange.BAND_GAP, 1.0, 3.0).gapDirect(true).metal(false).build();
 * }</pre>
 */
public final class ElectronicStructureQuery extends MpQuery<MaterialElectronicStructure> {

    private ElectronicStructureQuery(Builder b) {
        super(b);
    }

    /** @return a builder of a query that matches every electronic-structure document */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The electronic-structure documents of some materials.
     *
     * @param ids Materials Project ids, e.g. {@code mp-149}
     * @return the query
     * @throws IllegalArgumentException if an id is blank or contains a comma
     */
    public static ElectronicStructureQuery ofMaterialIds(String... ids) {
        return builder().materialIds(ids).build();
    }

    @Override
    public MpRoute<MaterialElectronicStructure> route() {
        return MpRoute.ELECTRONIC_STRUCTURE;
    }

    /** Collects the filters of an {@link ElectronicStructureQuery}; each setter replaces an earlier value. */
    public static final class Builder extends MpQuery.RangedBuilder<ElectronicStructureQuery, ElectronicStructureRange, Builder> {

        private Builder() {
        }

        @Override
        Builder self() {
            return this;
        }

        @Override
        ElectronicStructureQuery create() {
            return new ElectronicStructureQuery(this);
        }

        /**
         * Materials with one of these formulas ({@code formula}): reduced, anonymous or with wildcards.
         *
         * @return this builder
         * @throws IllegalArgumentException if a formula is blank or contains a comma
         */
        public Builder formula(String... formulas) {
            return formulas(formulas);
        }

        /**
         * Materials in one of these chemical systems ({@code chemsys}), e.g. {@code Ga-As}.
         *
         * @return this builder
         * @throws IllegalArgumentException if a system is blank, contains a comma or names no element
         */
        public Builder chemicalSystem(String... systems) {
            return chemicalSystems(systems);
        }

        /** Materials that contain all these elements ({@code elements}). @return this builder */
        public Builder elements(Element... elements) {
            return elementList("elements", elements);
        }

        /** Materials that contain none of these elements ({@code exclude_elements}). @return this builder */
        public Builder excludeElements(Element... elements) {
            return elementList("exclude_elements", elements);
        }

        /** Only metals (or non-metals) ({@code is_metal}). @return this builder */
        public Builder metal(boolean metal) {
            return filter("is_metal", Boolean.toString(metal));
        }

        /** Only direct (or indirect) band gaps ({@code is_gap_direct}). @return this builder */
        public Builder gapDirect(boolean direct) {
            return filter("is_gap_direct", Boolean.toString(direct));
        }

        /** Only this magnetic ordering ({@code magnetic_ordering}). @return this builder */
        public Builder magneticOrdering(MagneticOrdering ordering) {
            return filter("magnetic_ordering", ordering.value());
        }
    }
}
