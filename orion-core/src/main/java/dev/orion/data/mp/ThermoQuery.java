package dev.orion.data.mp;

import java.util.Arrays;

/**
 * A query over {@code materials/thermo}: formation and hull energies, stability and decomposition
 * products, one document per material and thermo type ({@link ThermoType}). The parameters are those
 * of mp-api's {@code ThermoRester.search}:
 * <pre>{@code
 * ThermoQuery q = ThermoQuery.builder().chemicalSystem("Li-Fe-O").thermoTypes(ThermoType.GGA_GGA_U)
 *         .max(ThermoRange.ENERGY_ABOVE_HULL, 0.05).sortBy("energy_above_hull").build();
 * }</pre>
 */
public final class ThermoQuery extends MpQuery<MaterialThermo> {

    private ThermoQuery(Builder b) {
        super(b);
    }

    /** @return a builder of a query that matches every thermo document */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The thermo documents of some materials (every thermo type).
     *
     * @param ids Materials Project ids, e.g. {@code mp-149}
     * @return the query
     * @throws IllegalArgumentException if an id is blank or contains a comma
     */
    public static ThermoQuery ofMaterialIds(String... ids) {
        return builder().materialIds(ids).build();
    }

    @Override
    public MpRoute<MaterialThermo> route() {
        return MpRoute.THERMO;
    }

    /** Collects the filters of a {@link ThermoQuery}; each setter replaces an earlier value. */
    public static final class Builder extends MpQuery.RangedBuilder<ThermoQuery, ThermoRange, Builder> {

        private Builder() {
        }

        @Override
        Builder self() {
            return this;
        }

        @Override
        ThermoQuery create() {
            return new ThermoQuery(this);
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
         * Materials in one of these chemical systems ({@code chemsys}), e.g. {@code Li-Fe-O}.
         *
         * @return this builder
         * @throws IllegalArgumentException if a system is blank, contains a comma or names no element
         */
        public Builder chemicalSystem(String... systems) {
            return chemicalSystems(systems);
        }

        /** Only entries on (or off) the convex hull of their thermo type ({@code is_stable}). @return this builder */
        public Builder stable(boolean stable) {
            return filter("is_stable", Boolean.toString(stable));
        }

        /** Only documents of these thermo types ({@code thermo_types}). @return this builder */
        public Builder thermoTypes(ThermoType... types) {
            return list("thermo_types", Arrays.stream(types).map(ThermoType::value).toArray(String[]::new));
        }
    }
}
