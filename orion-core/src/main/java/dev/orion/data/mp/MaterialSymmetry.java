package dev.orion.data.mp;

import dev.orion.symmetry.CrystalSystem;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The {@code symmetry} block of a summary document, as the Materials Project determined it.
 *
 * @param crystalSystem the crystal system, if returned
 * @param symbol        the Hermann-Mauguin symbol, e.g. {@code Fd-3m}, if returned
 * @param number        the International Tables number, if returned
 * @param pointGroup    the point group, e.g. {@code m-3m}, if returned
 */
public record MaterialSymmetry(Optional<CrystalSystem> crystalSystem, Optional<String> symbol, OptionalInt number,
        Optional<String> pointGroup) {

    /** Checks that no component is null. */
    public MaterialSymmetry {
        Objects.requireNonNull(crystalSystem, "crystalSystem");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(pointGroup, "pointGroup");
    }

    /** Takes the modelled fields out of a {@code symmetry} block, leaving the rest (symprec, version) in place. */
    static MaterialSymmetry read(DocumentFields d) {
        Optional<CrystalSystem> system = d.parsed("crystal_system", name -> Arrays.stream(CrystalSystem.values())
                .filter(c -> c.name().equalsIgnoreCase(name)).findFirst());
        return new MaterialSymmetry(system, d.text("symbol"), d.integer("number"), d.text("point_group"));
    }
}
