package dev.orion.store;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** The period of usage aggregation (UTC calendar days or months). */
public enum UsageGranularity {
    /** Per UTC day. */
    DAY,
    /** Per UTC month. */
    MONTH;

    /** @param time a time  @return the first day of the period containing it */
    public LocalDate periodOf(Instant time) {
        LocalDate day = LocalDate.ofInstant(time, ZoneOffset.UTC);
        return this == DAY ? day : day.withDayOfMonth(1);
    }
}
