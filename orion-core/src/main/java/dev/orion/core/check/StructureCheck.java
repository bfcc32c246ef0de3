package dev.orion.core.check;

import dev.orion.analysis.neighbors.Neighbors;
import dev.orion.check.Check;
import dev.orion.check.Verdict;
import dev.orion.structure.Structure;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Structure sanity: no two atoms closer than a minimum distance (overlapping atoms make every engine
 * diverge) and a density in a plausible range. Defaults: 0.5 Å and 0.01-25 g/cm³ (the densest element,
 * osmium, is 22.6 g/cm³).
 *
 * <pre>{@code
 * Verdict v = StructureCheck.builder().minDistance(1.5).density(2, 12).build().check(structure);
 * }</pre>
 */
public final class StructureCheck implements Check<Structure> {

    private final double minDistance;
    private final double minDensity;
    private final double maxDensity;

    private StructureCheck(Builder b) {
        this.minDistance = b.minDistance;
        this.minDensity = b.minDensity;
        this.maxDensity = b.maxDensity;
    }

    /** @return a builder with the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the check with the defaults */
    public static StructureCheck defaults() {
        return builder().build();
    }

    @Override
    public String name() {
        return "structure";
    }

    @Override
    public Verdict check(Structure s) {
        Objects.requireNonNull(s, "structure");
        if (s.size() == 0) {
            return Verdict.fail(name(), "the structure has no sites");
        }
        List<String> reasons = new ArrayList<>();
        double d = Neighbors.shortestDistance(s);
        if (d < minDistance) {
            reasons.add(String.format(Locale.ROOT, "the shortest interatomic distance of %s is %.3f Å, below %.3f Å",
                    s.formula(), d, minDistance));
        }
        double rho = s.density();
        if (!(rho >= minDensity && rho <= maxDensity)) {
            reasons.add(String.format(Locale.ROOT, "the density of %s is %.3f g/cm³, outside %.3f-%.3f g/cm³",
                    s.formula(), rho, minDensity, maxDensity));
        }
        return Verdict.failIf(name(), reasons);
    }

    /** Sets the limits of a {@link StructureCheck}. */
    public static final class Builder {
        private double minDistance = 0.5;
        private double minDensity = 0.01;
        private double maxDensity = 25;

        private Builder() {
        }

        /** @param angstrom the shortest distance allowed between two atoms (&gt; 0, default 0.5 Å)  @return this builder (for chaining) */
        public Builder minDistance(double angstrom) {
            if (!(angstrom > 0) || !Double.isFinite(angstrom)) {
                throw new IllegalArgumentException("minDistance must be a positive number of Å, got " + angstrom);
            }
            this.minDistance = angstrom;
            return this;
        }

        /**
         * @param min the lowest density allowed in g/cm³ (&ge; 0)
         * @param max the highest (&gt; min)
         * @return this builder (for chaining)
         */
        public Builder density(double min, double max) {
            if (!(min >= 0) || !(max > min) || !Double.isFinite(max)) {
                throw new IllegalArgumentException("density range must satisfy 0 <= min < max, got " + min + "-" + max);
            }
            this.minDensity = min;
            this.maxDensity = max;
            return this;
        }

        /** @return the check */
        public StructureCheck build() {
            return new StructureCheck(this);
        }
    }
}
