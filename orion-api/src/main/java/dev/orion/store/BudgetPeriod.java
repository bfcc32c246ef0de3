package dev.orion.store;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/** The window over which a budget limit applies; days and months are UTC calendar windows. */
public enum BudgetPeriod {
    /** A UTC calendar day. */
    DAY,
    /** A UTC calendar month. */
    MONTH,
    /** For ever. */
    TOTAL;

    /** @param now a time  @return the start of the window containing {@code now} */
    public Instant windowStart(Instant now) {
        LocalDate day = LocalDate.ofInstant(now, ZoneOffset.UTC);
        switch (this) {
            case DAY: return day.atStartOfDay(ZoneOffset.UTC).toInstant();
            case MONTH: return day.withDayOfMonth(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            default: return Instant.EPOCH;
        }
    }

    /** @param now a time  @return when the window containing {@code now} ends, empty for TOTAL */
    public Optional<Instant> resetsAt(Instant now) {
        LocalDate day = LocalDate.ofInstant(now, ZoneOffset.UTC);
        switch (this) {
            case DAY: return Optional.of(day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
            case MONTH: return Optional.of(day.withDayOfMonth(1).plusMonths(1).atStartOfDay(ZoneOffset.UTC).toInstant());
            default: return Optional.empty();
        }
    }
}
