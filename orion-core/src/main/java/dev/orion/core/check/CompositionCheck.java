package dev.orion.core.check;

import dev.orion.check.Check;
import dev.orion.check.Verdict;
import dev.orion.structure.Composition;
import dev.orion.structure.Element;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Composition rules: every element in an allowlist, charge neutrality from the elements' common oxidation
 * states (one state per element, as pymatgen's {@code common_oxidation_states}), and amounts that are
 * fractions summing to one. Each rule is switched on in the builder; a composition breaking any fails.
 *
 * <pre>{@code
 * CompositionCheck ionic = CompositionCheck.builder().allow(Set.of(Element.of("Li"), Element.of("O"))).chargeNeutral().build();
 * ionic.check(Composition.parse("Li2O"));    // PASS
 * ionic.check(Composition.parse("LiO"));     // FAIL: no combination of common oxidation states sums to zero
 * }</pre>
 */
public final class CompositionCheck implements Check<Composition> {

    private static final double SUM_TOLERANCE = 1e-6;
    private static final int MAX_FORMULA_UNITS = 24;
    private final Optional<Set<Element>> allowed;
    private final boolean chargeNeutral;
    private final boolean fractions;

    private CompositionCheck(Builder b) {
        this.allowed = b.allowed;
        this.chargeNeutral = b.chargeNeutral;
        this.fractions = b.fractions;
    }

    /** @return a builder with no rule switched on */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String name() {
        return "composition";
    }

    @Override
    public Verdict check(Composition c) {
        Objects.requireNonNull(c, "composition");
        List<String> reasons = new ArrayList<>();
        if (c.isEmpty()) {
            return Verdict.fail(name(), "the composition is empty");
        }
        allowed.ifPresent(allow -> {
            Set<String> outside = new TreeSet<>();
            c.elements().stream().filter(e -> !allow.contains(e)).forEach(e -> outside.add(e.symbol()));
            if (!outside.isEmpty()) {
                reasons.add(c.formula() + " has elements outside the allowlist: " + outside);
            }
        });
        if (fractions && Math.abs(c.numAtoms() - 1) > SUM_TOLERANCE) {
            reasons.add(String.format(Locale.ROOT, "fractions of %s sum to %.6f, not 1", c.formula(), c.numAtoms()));
        }
        if (chargeNeutral) {
            neutralityProblem(c).ifPresent(reasons::add);
        }
        return Verdict.failIf(name(), reasons);
    }

    /** Looks for one common oxidation state per element that balances a small whole multiple of the formula. */
    private static Optional<String> neutralityProblem(Composition c) {
        List<Element> elements = c.elements();
        int[][] states = new int[elements.size()][];
        for (int i = 0; i < elements.size(); i++) {
            Optional<int[]> s = OxidationStates.common(elements.get(i));
            if (s.isEmpty()) {
                return Optional.of("no common oxidation states are known for " + elements.get(i).symbol()
                        + ", so charge neutrality of " + c.formula() + " cannot be shown");
            }
            states[i] = s.get();
        }
        long[] counts = wholeCounts(c, elements);
        if (counts.length == 0) {
            return Optional.of(c.formula() + " has no whole-number formula with at most " + MAX_FORMULA_UNITS
                    + " formula units, so charge neutrality cannot be shown");
        }
        return balances(states, counts, 0, 0) ? Optional.empty()
                : Optional.of("no combination of common oxidation states makes " + c.formula() + " charge neutral");
    }

    private static long[] wholeCounts(Composition c, List<Element> elements) {
        double smallest = elements.stream().mapToDouble(c::amount).min().orElse(1);
        for (int units = 1; units <= MAX_FORMULA_UNITS; units++) {
            long[] counts = new long[elements.size()];
            boolean whole = true;
            for (int i = 0; i < counts.length && whole; i++) {
                double n = c.amount(elements.get(i)) / smallest * units;
                counts[i] = Math.round(n);
                whole = Math.abs(n - counts[i]) < 1e-3 * Math.max(1, n);
            }
            if (whole) {
                return counts;
            }
        }
        return new long[0];
    }

    private static boolean balances(int[][] states, long[] counts, int i, long charge) {
        if (i == counts.length) {
            return charge == 0;
        }
        for (int s : states[i]) {
            if (balances(states, counts, i + 1, charge + s * counts[i])) {
                return true;
            }
        }
        return false;
    }

    /** Chooses the rules of a {@link CompositionCheck}. */
    public static final class Builder {
        private Optional<Set<Element>> allowed = Optional.empty();
        private boolean chargeNeutral;
        private boolean fractions;

        private Builder() {
        }

        /** @param elements the only elements a composition may hold (non-empty)  @return this builder (for chaining) */
        public Builder allow(Set<Element> elements) {
            if (elements.isEmpty()) {
                throw new IllegalArgumentException("the element allowlist must not be empty");
            }
            this.allowed = Optional.of(Set.copyOf(elements));
            return this;
        }

        /** Requires charge neutrality from common oxidation states (for ionic compounds, not alloys).  @return this builder (for chaining) */
        public Builder chargeNeutral() {
            this.chargeNeutral = true;
            return this;
        }

        /** Requires the amounts to be fractions summing to one.  @return this builder (for chaining) */
        public Builder fractions() {
            this.fractions = true;
            return this;
        }

        /** @return the check */
        public CompositionCheck build() {
            return new CompositionCheck(this);
        }
    }
}
