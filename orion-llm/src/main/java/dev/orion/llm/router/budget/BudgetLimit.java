package dev.orion.llm.router.budget;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A spending limit that a profile's calls must respect, in US dollars.
 *
 * @param scope    whose spending counts: the tenant's or the project's
 * @param period   the window: a UTC day, a UTC month, or for ever
 * @param limitUsd the limit
 */
public record BudgetLimit(Scope scope, Period period, BigDecimal limitUsd) {

    /** Whose spending a budget counts. */
    public enum Scope {
        /** Everything the tenant spends. */
        TENANT,
        /** What the request's project spends (calls without a project are not counted). */
        PROJECT
    }

    /** The window of a budget. */
    public enum Period {
        /** A UTC calendar day. */
        DAY,
        /** A UTC calendar month. */
        MONTH,
        /** For ever. */
        TOTAL
    }

    /** Validates the limit. */
    public BudgetLimit {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(limitUsd, "limitUsd");
        if (limitUsd.signum() < 0) {
            throw new IllegalArgumentException("limitUsd must be >= 0, was " + limitUsd);
        }
    }

    /** A limit. @param scope whose @param period window @param limitUsd dollars */
    public static BudgetLimit of(Scope scope, Period period, String limitUsd) {
        return new BudgetLimit(scope, period, new BigDecimal(limitUsd));
    }
}
