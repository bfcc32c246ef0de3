package dev.orion.data.mp;

/**
 * The numeric fields of {@code materials/elasticity} that {@link ElasticityQuery} can bound, named as the
 * server's query operators name them; each is sent as {@code <field>_min} and {@code <field>_max}.
 */
public enum ElasticityRange implements MpRange {
    /** Voigt average of the bulk modulus in GPa ({@code k_voigt}, document field {@code bulk_modulus.voigt}). */
    K_VOIGT("k_voigt"),
    /** Reuss average of the bulk modulus in GPa ({@code k_reuss}). */
    K_REUSS("k_reuss"),
    /** Voigt-Reuss-Hill average of the bulk modulus in GPa ({@code k_vrh}). */
    K_VRH("k_vrh"),
    /** Voigt average of the shear modulus in GPa ({@code g_voigt}, document field {@code shear_modulus.voigt}). */
    G_VOIGT("g_voigt"),
    /** Reuss average of the shear modulus in GPa ({@code g_reuss}). */
    G_REUSS("g_reuss"),
    /** Voigt-Reuss-Hill average of the shear modulus in GPa ({@code g_vrh}). */
    G_VRH("g_vrh"),
    /** Universal elastic anisotropy ({@code elastic_anisotropy}, document field {@code universal_anisotropy}). */
    ELASTIC_ANISOTROPY("elastic_anisotropy"),
    /** Poisson's ratio ({@code poisson}, document field {@code homogeneous_poisson}). */
    POISSON("poisson");

    private final String field;

    ElasticityRange(String field) {
        this.field = field;
    }

    @Override
    public String field() {
        return field;
    }
}
