package dev.orion.store;

/** What a reviewer decided about a flagged candidate or output. */
public enum ReviewVerdict {
    /** The values under review are right (or, with none, the candidate is worth keeping). */
    ACCEPT,
    /** The candidate or output is wrong or not viable. */
    REJECT,
    /** The values under review are wrong; the label carries the right ones. */
    CORRECT
}
