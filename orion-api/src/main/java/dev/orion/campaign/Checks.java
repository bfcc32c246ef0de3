package dev.orion.campaign;

import java.util.List;
import java.util.Objects;

/** Boundary checks shared by the records of this package; messages name the argument and the value. */
final class Checks {

    private Checks() {
    }

    static String name(String argument, String value) {
        Objects.requireNonNull(value, argument);
        if (value.isBlank() || value.length() > 200) {
            throw new IllegalArgumentException(argument + " must be 1-200 non-blank characters, got '" + value + "'");
        }
        return value;
    }

    static String text(String argument, String value, int maxLength) {
        Objects.requireNonNull(value, argument);
        if (value.isBlank() || value.length() > maxLength) {
            throw new IllegalArgumentException(argument + " must be 1-" + maxLength + " non-blank characters, got "
                    + value.length() + " characters");
        }
        return value;
    }

    static double finite(String argument, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(argument + " must be finite, got " + value);
        }
        return value;
    }

    static int positive(String argument, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(argument + " must be >= 1, got " + value);
        }
        return value;
    }

    static <T> List<T> nonEmpty(String argument, List<T> values) {
        Objects.requireNonNull(values, argument);
        List<T> copy = List.copyOf(values);
        if (copy.isEmpty()) {
            throw new IllegalArgumentException(argument + " must not be empty");
        }
        return copy;
    }

    static double[] finiteCopy(String argument, double[] values) {
        Objects.requireNonNull(values, argument);
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(argument + "[" + i + "] must be finite, got " + values[i]);
            }
        }
        return values.clone();
    }
}
