package dev.orion.llm.router.budget;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/** UTC calendar windows of budget periods. */
final class Windows {

    private Windows() {
    }

    static String windowId(BudgetLimit.Period period, Instant now) {
        LocalDate day = LocalDate.ofInstant(now, ZoneOffset.UTC);
        return switch (period) {
            case DAY -> day.toString();
            case MONTH -> day.withDayOfMonth(1).toString().substring(0, 7);
            case TOTAL -> "total";
        };
    }

    static Optional<Instant> resetsAt(BudgetLimit.Period period, Instant now) {
        LocalDate day = LocalDate.ofInstant(now, ZoneOffset.UTC);
        return switch (period) {
            case DAY -> Optional.of(day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
            case MONTH -> Optional.of(day.withDayOfMonth(1).plusMonths(1).atStartOfDay(ZoneOffset.UTC).toInstant());
            case TOTAL -> Optional.empty();
        };
    }
}
