package dev.orion.data.mp;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The Voigt, Reuss and Voigt-Reuss-Hill averages of a bulk or shear modulus, in GPa (a
 * {@code bulk_modulus} or {@code shear_modulus} block of an elasticity document).
 *
 * @param voigt the Voigt average (upper bound), if sent
 * @param reuss the Reuss average (lower bound), if sent
 * @param vrh   the Voigt-Reuss-Hill average, if sent
 */
public record ElasticModuli(OptionalDouble voigt, OptionalDouble reuss, OptionalDouble vrh) {

    /** Checks that no component is null. */
    public ElasticModuli {
        Objects.requireNonNull(voigt, "voigt");
        Objects.requireNonNull(reuss, "reuss");
        Objects.requireNonNull(vrh, "vrh");
    }

    static ElasticModuli read(DocumentFields d) {
        return new ElasticModuli(d.real("voigt"), d.real("reuss"), d.real("vrh"));
    }
}
