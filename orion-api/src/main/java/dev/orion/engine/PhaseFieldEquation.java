package dev.orion.engine;

/** Which evolution equation a {@link PhaseField} calculation integrates. */
public enum PhaseFieldEquation {
    /**
     * {@code dc/dt = M ∇²(f'(c) - κ∇²c)}: a conserved concentration (spinodal decomposition,
     * coarsening); the mean never changes.
     */
    CAHN_HILLIARD,
    /**
     * {@code dφ/dt = -M (f'(φ) - κ∇²φ)}: a non-conserved order parameter (grain growth, ordering);
     * interfaces move by curvature.
     */
    ALLEN_CAHN
}
