package dev.orion.llm.router.experiment;

import java.util.List;
import java.util.Optional;

/**
 * Where an experiment stands.
 *
 * @param experiment the experiment's name
 * @param variants   per-arm figures, control first
 * @param stop       whether the stop rule is met
 * @param winner     the arm that won, when the rule stopped on a significant difference
 * @param reason     why it stops or continues, in words
 */
public record ExperimentResults(String experiment, List<VariantResult> variants, boolean stop, Optional<String> winner,
                                String reason) {

    /** Validates and freezes. */
    public ExperimentResults {
        variants = List.copyOf(variants);
    }
}
