package dev.orion.core.check;

import dev.orion.check.Check;
import dev.orion.check.Verdict;
import dev.orion.engine.CalculationResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Result sanity: the calculation converged, and its energy per atom lies in a plausible range. The default
 * range, -20 to +5 eV/atom, suits interatomic potentials and formation-like energies; total energies from
 * pseudopotential DFT are far lower, so give their range with {@link Builder#energyPerAtom}. A result with
 * no atoms (a continuum calculation) is judged on convergence only.
 *
 * <pre>{@code
 * Verdict v = ResultCheck.builder().energyPerAtom(-10, 0).build().check(result);
 * }</pre>
 */
public final class ResultCheck implements Check<CalculationResult> {

    private final double minEnergy;
    private final double maxEnergy;

    private ResultCheck(Builder b) {
        this.minEnergy = b.minEnergy;
        this.maxEnergy = b.maxEnergy;
    }

    /** @return a builder with the defaults */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String name() {
        return "result";
    }

    @Override
    public Verdict check(CalculationResult r) {
        Objects.requireNonNull(r, "result");
        List<String> reasons = new ArrayList<>();
        if (!r.convergence().converged()) {
            reasons.add("the " + r.engine() + " calculation did not converge (" + r.convergence().criterion() + " after "
                    + r.convergence().iterations() + " iterations)");
        }
        if (r.atoms() > 0) {
            double e = r.energyPerAtom();
            if (!(e >= minEnergy && e <= maxEnergy)) {
                reasons.add(String.format(Locale.ROOT, "energy per atom %.4f eV is outside the plausible %.2f to %.2f eV",
                        e, minEnergy, maxEnergy));
            }
        }
        return Verdict.failIf(name(), reasons);
    }

    /** Sets the limits of a {@link ResultCheck}. */
    public static final class Builder {
        private double minEnergy = -20;
        private double maxEnergy = 5;

        private Builder() {
        }

        /**
         * @param min the lowest plausible energy per atom in eV
         * @param max the highest (&gt; min)
         * @return this builder (for chaining)
         */
        public Builder energyPerAtom(double min, double max) {
            if (!Double.isFinite(min) || !Double.isFinite(max) || !(max > min)) {
                throw new IllegalArgumentException("energy per atom range must be finite with min < max, got " + min + " to " + max);
            }
            this.minEnergy = min;
            this.maxEnergy = max;
            return this;
        }

        /** @return the check */
        public ResultCheck build() {
            return new ResultCheck(this);
        }
    }
}
