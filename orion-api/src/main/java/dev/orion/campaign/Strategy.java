package dev.orion.campaign;

import java.util.List;

/**
 * Decides what to evaluate next. Implementations are pure: the same request gives the same proposals,
 * with no I/O, so a runner can resume a campaign from its stored observations. A strategy proposes
 * feasible candidates that are neither observed nor pending; it may return fewer than asked when the
 * space runs out (an exhausted pool).
 */
public interface Strategy {

    /** @return a short name for logs and reports ("random", "bo-ei") */
    String name();

    /**
     * @param request the space, goal, observations, pending candidates, batch size and seed
     * @return at most {@code request.batchSize()} proposals, best first
     */
    List<Proposal> propose(ProposalRequest request);
}
