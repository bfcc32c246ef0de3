package dev.orion.data.mp;

import dev.orion.structure.Element;
import dev.orion.symmetry.CrystalSystem;
import java.util.Locale;

/**
 * A query over {@code materials/summary}: one document per material with the most used properties.
 * Build with {@link #builder()}:
 * <pre>{@code
 * SummaryQuery q = SummaryQuery.builder()
 *         .elements(Element.Li, Element.Fe, Element.O).excludeElements(Element.Co)
 *         .range(SummaryRange.BAND_GAP, 0.5, 3.0).max(SummaryRange.ENERGY_ABOVE_HULL, 0.05)
 *         .fields("material_id", "formula_pretty", "band_gap", "structure")
 *         .sortBy("energy_above_hull").limit(200)
 *         .build();
 * }</pre>
 */
public final class SummaryQuery extends MpQuery<MaterialSummary> {

    private SummaryQuery(Builder b) {
        super(b);
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

    @Override
    public MpRoute<MaterialSummary> route() {
        return MpRoute.SUMMARY;
    }

    /** Collects the filters of a {@link SummaryQuery}; each setter replaces an earlier value. */
    public static final class Builder extends MpQuery.RangedBuilder<SummaryQuery, SummaryRange, Builder> {

        private Builder() {
        }

        @Override
        Builder self() {
            return this;
        }

        @Override
        SummaryQuery create() {
            return new SummaryQuery(this);
        }

        /**
         * Materials with one of these formulas ({@code formula}): reduced ({@code Fe2O3}), anonymous
         * ({@code ABO3}) or with wildcards ({@code Si*}).
         *
         * @return this builder
         * @throws IllegalArgumentException if a formula is blank or contains a comma
         */
        public Builder formula(String... formulas) {
            return formulas(formulas);
        }

        /**
         * Materials in one of these chemical systems ({@code chemsys}), e.g. {@code Li-Fe-O}.
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

        /** Only materials on (or off) the convex hull ({@code is_stable}). @return this builder */
        public Builder stable(boolean stable) {
            return filter("is_stable", Boolean.toString(stable));
        }

        /** Only metals (or non-metals) ({@code is_metal}). @return this builder */
        public Builder metal(boolean metal) {
            return filter("is_metal", Boolean.toString(metal));
        }

        /** Only this crystal system ({@code crystal_system}, sent as e.g. {@code Cubic}). @return this builder */
        public Builder crystalSystem(CrystalSystem system) {
            String name = system.name().toLowerCase(Locale.ROOT);
            return filter("crystal_system", Character.toUpperCase(name.charAt(0)) + name.substring(1));
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
            return filter("spacegroup_number", Integer.toString(number));
        }
    }
}
