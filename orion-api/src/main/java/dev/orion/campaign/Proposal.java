package dev.orion.campaign;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A candidate a strategy proposes to evaluate next, with why: the acquisition value that ranked it and
 * the surrogate model it was scored with (absent for model-free strategies such as random or Sobol).
 *
 * @param candidate        the candidate
 * @param strategy         the proposing strategy's name
 * @param acquisitionValue the acquisition value, if a model scored it
 * @param model            the state of the model that scored it, if any
 */
public record Proposal(Candidate candidate, String strategy, OptionalDouble acquisitionValue,
                       Optional<ModelState> model) {

    /** Validates. */
    public Proposal {
        Objects.requireNonNull(candidate, "candidate");
        Checks.name("strategy", strategy);
        Objects.requireNonNull(acquisitionValue, "acquisitionValue");
        Objects.requireNonNull(model, "model");
    }

    /** @param candidate candidate  @param strategy strategy name  @return a proposal without a model */
    public static Proposal of(Candidate candidate, String strategy) {
        return new Proposal(candidate, strategy, OptionalDouble.empty(), Optional.empty());
    }
}
