package dev.orion.campaign;

import dev.orion.structure.Element;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** The value a {@link Candidate} gives one parameter of a {@link ParameterSpace}. */
public sealed interface ParameterValue {

    /** @param value a finite number  @return the value of a continuous parameter */
    static ParameterValue real(double value) {
        return new Real(value);
    }

    /** @param value an integer  @return the value of an integer parameter */
    static ParameterValue integer(long value) {
        return new Whole(value);
    }

    /** @param value a category  @return the value of a categorical parameter */
    static ParameterValue category(String value) {
        return new Category(value);
    }

    /** @param fractions fractions by element, summing to one  @return the value of a composition parameter */
    static ParameterValue fractions(Map<Element, Double> fractions) {
        return new Fractions(fractions);
    }

    /** @param value the number */
    record Real(double value) implements ParameterValue {
        /** Validates. */
        public Real {
            Checks.finite("real value", value);
        }

        @Override
        public String toString() {
            return Double.toString(value);
        }
    }

    /** @param value the integer */
    record Whole(long value) implements ParameterValue {
        @Override
        public String toString() {
            return Long.toString(value);
        }
    }

    /** @param value the category */
    record Category(String value) implements ParameterValue {
        /** Validates. */
        public Category {
            Checks.name("category", value);
        }

        @Override
        public String toString() {
            return value;
        }
    }

    /** @param fractions fractions by element, each in [0, 1], summing to one within 1e-6 */
    record Fractions(Map<Element, Double> fractions) implements ParameterValue {
        /** Validates and copies (ordered by atomic number). */
        public Fractions {
            Objects.requireNonNull(fractions, "fractions");
            double sum = 0;
            for (Map.Entry<Element, Double> e : fractions.entrySet()) {
                double f = Objects.requireNonNull(e.getValue(), "fraction of " + e.getKey());
                if (!(f >= 0 && f <= 1)) {
                    throw new IllegalArgumentException("fraction of " + e.getKey() + " must be in [0, 1], got " + f);
                }
                sum += f;
            }
            if (Math.abs(sum - 1) > 1e-6) {
                throw new IllegalArgumentException("fractions must sum to 1, got " + sum + " for " + fractions);
            }
            fractions = java.util.Collections.unmodifiableMap(new TreeMap<>(fractions));
        }

        @Override
        public String toString() {
            StringBuilder b = new StringBuilder();
            fractions.forEach((e, f) -> b.append(e.symbol()).append(String.format(java.util.Locale.ROOT, "%.4f", f)));
            return b.toString();
        }
    }
}
