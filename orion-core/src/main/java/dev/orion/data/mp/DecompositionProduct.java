package dev.orion.data.mp;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A phase that an unstable material decomposes to on the convex hull (an item of a thermo document's
 * {@code decomposes_to}).
 *
 * @param materialId the Materials Project id of the phase, if sent
 * @param formula    its formula, if sent
 * @param amount     how much of it, in formula units, if sent
 */
public record DecompositionProduct(Optional<String> materialId, Optional<String> formula, OptionalDouble amount) {

    /** Checks that no component is null. */
    public DecompositionProduct {
        Objects.requireNonNull(materialId, "materialId");
        Objects.requireNonNull(formula, "formula");
        Objects.requireNonNull(amount, "amount");
    }

    static DecompositionProduct read(DocumentFields d) {
        return new DecompositionProduct(d.text("material_id"), d.text("formula"), d.real("amount"));
    }
}
