package dev.orion.data.mp;

/**
 * The energy-mixing schemes ("thermo types") for which {@code materials/thermo} holds a convex hull; a
 * material has one thermo document per scheme it was computed with.
 */
public enum ThermoType {
    /** GGA and GGA+U energies mixed ({@code GGA_GGA+U}). */
    GGA_GGA_U("GGA_GGA+U"),
    /** GGA, GGA+U and r2SCAN energies mixed, the website's default ({@code GGA_GGA+U_R2SCAN}). */
    GGA_GGA_U_R2SCAN("GGA_GGA+U_R2SCAN"),
    /** r2SCAN energies only (sent as {@code r2SCAN}, the spelling mp-api's {@code ThermoRester} uses). */
    R2SCAN("r2SCAN");

    private final String value;

    ThermoType(String value) {
        this.value = value;
    }

    /** @return the value sent in {@code thermo_types} and found in a document's {@code thermo_type} */
    public String value() {
        return value;
    }
}
