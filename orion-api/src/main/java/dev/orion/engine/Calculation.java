package dev.orion.engine;

import dev.orion.structure.Structure;
import java.util.Optional;

/**
 * What to compute: on atoms ({@link AtomisticCalculation}: a {@link SinglePoint}, a {@link Relaxation}
 * or a {@link MolecularDynamics} run, each with its {@link Method}) or on a continuum
 * ({@link FiniteElement}: a meshed part with a material, constraints and loads; or an
 * {@link InputDeck} run as written) or a mesoscale {@link PhaseField} model. Engines refuse the kinds
 * they do not compute.
 *
 * <pre>{@code
 * Calculation relax = Calculation.relax(cu).withCell(true)
 *         .with(Potential.eam(Path.of("Cu_u3.eam"), Element.of("Cu")));
 * }</pre>
 */
public sealed interface Calculation permits AtomisticCalculation, FiniteElement, InputDeck, PhaseField {

    /**
     * @return a short name of the kind: {@code "single-point"}, {@code "relaxation"}, {@code "md"},
     *         {@code "finite-element"}, {@code "input-deck"} or {@code "phase-field"}
     */
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
