package dev.orion.check;

/** How a {@link Check} judged its subject, from best to worst. */
public enum Grade {
    /** Nothing wrong was found. */
    PASS,
    /** Usable, but an expert should look (the reasons say why). */
    WARN,
    /** Not usable: a failed proposal is not evaluated, a failed claim is overridden. */
    FAIL;

    /** @param other another grade  @return the worse of the two */
    public Grade worst(Grade other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
