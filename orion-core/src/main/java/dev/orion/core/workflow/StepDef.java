package dev.orion.core.workflow;

import dev.orion.core.workflow.internal.Node;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A step as parsed and validated: its type, its inputs as written (literals or references), its fan-out
 * and condition, its failure policy, the steps it needs, and the items of its fan-out when the text fixes them.
 */
record StepDef(String id, StepType type, Map<String, Node> with, Optional<Node> forEach, Optional<Node> when,
               int retries, FailurePolicy onFailure, Set<String> needs, OptionalInt items, Node node) {

    /** What a step that still fails after its retries does to the run. */
    enum FailurePolicy {
        /** Stop the run: nothing new starts, the run fails. */
        STOP,
        /** Go on: the steps that need this one are skipped, the others run; the run ends as partly failed. */
        CONTINUE
    }

    StepDef {
        with = Map.copyOf(with);
        needs = Set.copyOf(needs);
    }

    boolean fansOut() {
        return forEach.isPresent();
    }
}
