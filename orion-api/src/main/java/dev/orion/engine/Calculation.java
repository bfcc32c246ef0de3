package dev.orion.engine;

import dev.orion.structure.Structure;
import java.util.Optional;

/**
 * What to compute on a structure: a {@link SinglePoint}, a {@link Relaxation} or a
 * {@link MolecularDynamics} run. Each names its {@link Method} (potential or DFT settings) through
 * {@link #with(Method)}; engines refuse calculations without one they can use.
 *
 * <pre>{@code
 * Calculation relax = Calculation.relax(cu).withCell(true)
 *         .with(Potential.eam(Path.of("Cu_u3.eam"), Element.of("Cu")));
 * }</pre>
 */
public sealed interface Calculation permits SinglePoint, Relaxation, MolecularDynamics {

    /** @return the input structure */
    Structure structure();

    /** @return the method, if one was chosen */
    Optional<Method> method();

    /** @param method how energies are computed  @return a copy using it */
    Calculation with(Method method);

    /** @return a short name of the kind: {@code "single-point"}, {@code "relaxation"} or {@code "md"} */
    String kind();

    /** @param structure the structure  @return energy, forces and stress of it */
    static SinglePoint singlePoint(Structure structure) {
        return new SinglePoint(structure, Optional.empty());
    }

    /** @param structure the structure  @return a relaxation of the positions with default tolerances */
    static Relaxation relax(Structure structure) {
        return Relaxation.builder(structure).build();
    }

    /** @param structure the starting structure  @return a builder of an MD run */
    static MolecularDynamics.Builder md(Structure structure) {
        return MolecularDynamics.builder(structure);
    }
}
