package dev.orion.engine;

import dev.orion.structure.Structure;
import java.util.Optional;

/**
 * A calculation on atoms: a structure and the {@link Method} (potential or DFT settings) that gives
 * its energy. Engines refuse atomistic calculations without a method they can use.
 */
public sealed interface AtomisticCalculation extends Calculation permits SinglePoint, Relaxation, MolecularDynamics {

    /** @return the input structure */
    Structure structure();

    /** @return the method, if one was chosen */
    Optional<Method> method();

    /** @param method how energies are computed  @return a copy using it */
    AtomisticCalculation with(Method method);
}
