package dev.orion.campaign;

import java.util.List;
import java.util.Objects;

/**
 * Everything a {@link Strategy} may use to propose: the space, the goal, what has been observed (failures
 * included), what is still being evaluated, how many to propose and the seed. A runner that stores these
 * can re-create any proposal exactly.
 *
 * @param space        the design space
 * @param goal         the goal
 * @param observations every observation so far, in order
 * @param pending      candidates proposed earlier whose evaluations have not finished
 * @param batchSize    how many candidates to propose (&gt;= 1)
 * @param seed         the seed for every random choice
 */
public record ProposalRequest(DesignSpace space, Goal goal, List<Observation> observations, List<Candidate> pending,
                              int batchSize, long seed) {

    /** Validates and copies. */
    public ProposalRequest {
        Objects.requireNonNull(space, "space");
        Objects.requireNonNull(goal, "goal");
        observations = List.copyOf(Objects.requireNonNull(observations, "observations"));
        pending = List.copyOf(Objects.requireNonNull(pending, "pending"));
        Checks.positive("batchSize", batchSize);
    }

    /**
     * @param space space  @param goal goal  @param observations observations  @param batchSize q  @param seed seed
     * @return a request with nothing pending
     */
    public static ProposalRequest of(DesignSpace space, Goal goal, List<Observation> observations, int batchSize,
                                     long seed) {
        return new ProposalRequest(space, goal, observations, List.of(), batchSize, seed);
    }
}
