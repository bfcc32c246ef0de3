package dev.orion.campaign;

/**
 * An integer parameter in {@code [lower, upper]} (a number of layers, a supercell size, a k-point grid).
 *
 * @param name  the name
 * @param lower the smallest value
 * @param upper the largest value, at least {@code lower}
 */
public record IntegerParameter(String name, long lower, long upper) implements Parameter {

    /** Validates. */
    public IntegerParameter {
        Checks.name("name", name);
        if (upper < lower) {
            throw new IllegalArgumentException("upper of " + name + " must be >= lower " + lower + ", got " + upper);
        }
    }

    /** @param name name  @param lower lower bound  @param upper upper bound  @return the parameter */
    public static IntegerParameter of(String name, long lower, long upper) {
        return new IntegerParameter(name, lower, upper);
    }

    /** @return how many values the parameter can take (saturating at {@link Long#MAX_VALUE}) */
    public long size() {
        long span = upper - lower;
        return span < 0 || span == Long.MAX_VALUE ? Long.MAX_VALUE : span + 1;
    }
}
