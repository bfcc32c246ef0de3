package dev.orion.llm.router.experiment;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An A/B experiment over the requests of one profile. The first variant is the control that the
 * others are compared with.
 *
 * @param name     the experiment's name
 * @param profile  the profile whose requests are split
 * @param variants the arms, control first (at least two)
 * @param stopRule when the experiment has an answer
 */
public record Experiment(String name, String profile, List<Variant> variants, StopRule stopRule) {

    /** Validates the experiment. */
    public Experiment {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(profile, "profile");
        variants = List.copyOf(variants);
        if (variants.size() < 2) {
            throw new IllegalArgumentException("experiment '" + name + "' needs at least two variants, had " + variants.size());
        }
        Set<String> names = new HashSet<>();
        for (Variant v : variants) {
            if (!names.add(v.name())) {
                throw new IllegalArgumentException("experiment '" + name + "' has two variants named '" + v.name() + "'");
            }
        }
        Objects.requireNonNull(stopRule, "stopRule");
    }

    /** The control arm. */
    public Variant control() {
        return variants.get(0);
    }

    /**
     * When an experiment stops: once every arm has {@code minSamplesPerVariant} outcomes and some arm
     * differs from the control with p &lt; {@code alpha} (success rate, or mean score where scores exist),
     * or once any arm reaches {@code maxSamplesPerVariant}.
     *
     * @param minSamplesPerVariant outcomes each arm needs before a test counts
     * @param maxSamplesPerVariant outcomes after which the experiment stops regardless
     * @param alpha                significance level, in (0, 0.5)
     */
    public record StopRule(int minSamplesPerVariant, int maxSamplesPerVariant, double alpha) {

        /** Validates the rule. */
        public StopRule {
            if (minSamplesPerVariant < 2 || maxSamplesPerVariant < minSamplesPerVariant) {
                throw new IllegalArgumentException("need 2 <= minSamplesPerVariant <= maxSamplesPerVariant, were "
                        + minSamplesPerVariant + " and " + maxSamplesPerVariant);
            }
            if (!(alpha > 0 && alpha < 0.5)) {
                throw new IllegalArgumentException("alpha must be in (0, 0.5), was " + alpha);
            }
        }
    }
}
