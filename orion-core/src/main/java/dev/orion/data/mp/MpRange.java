package dev.orion.data.mp;

/**
 * A numeric field that a route's query can bound: sent as {@code <field>_min} and {@code <field>_max}.
 * Each route has an enum of its own ({@link SummaryRange}, {@link ThermoRange}, {@link ElasticityRange},
 * {@link ElectronicStructureRange}), so that a query can only bound what its route indexes.
 */
public sealed interface MpRange permits SummaryRange, ThermoRange, ElasticityRange, ElectronicStructureRange {

    /** @return the stem of the query parameters, e.g. {@code band_gap} for {@code band_gap_min} */
    String field();
}
