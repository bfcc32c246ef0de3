package dev.orion.campaign;

import java.util.List;

/**
 * Where a campaign searches: a {@link ParameterSpace} of parameters with constraints, or a finite
 * {@link CandidatePool}.
 */
public sealed interface DesignSpace permits ParameterSpace, CandidatePool {

    /**
     * @param candidate a candidate
     * @return whether it belongs to this space and satisfies its constraints
     */
    boolean isFeasible(Candidate candidate);

    /** @return the names of the constraints the candidate violates (empty if feasible) */
    List<String> violations(Candidate candidate);
}
