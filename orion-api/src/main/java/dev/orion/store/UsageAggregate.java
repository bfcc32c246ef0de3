package dev.orion.store;

import dev.orion.tenant.ProjectId;
import dev.orion.tenant.TenantId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * Usage totals for one tenant, period, project, kind and feature.
 *
 * @param tenant      the tenant
 * @param period      the first day of the period (UTC)
 * @param project     the project, empty for usage without project
 * @param kind        the kind
 * @param feature     the feature
 * @param records     how many records were summed
 * @param tokensIn    prompt tokens
 * @param tokensOut   completion tokens
 * @param cost        USD
 * @param coreSeconds core-seconds
 */
public record UsageAggregate(TenantId tenant, LocalDate period, Optional<ProjectId> project, UsageKind kind,
                             String feature, long records, long tokensIn, long tokensOut, BigDecimal cost,
                             double coreSeconds) {

    /** Validates. */
    public UsageAggregate {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(feature, "feature");
        Objects.requireNonNull(cost, "cost");
    }

    /** The CSV header matching {@link #toCsvRow()}. */
    public static final String CSV_HEADER = "tenant,period,project,kind,feature,records,tokens_in,tokens_out,cost_usd,core_seconds";

    /** @return this aggregate as one CSV line (no line terminator) */
    public String toCsvRow() {
        return String.join(",", Csv.field(tenant.value()), period.toString(), Csv.field(project.map(ProjectId::value).orElse("")),
                kind.name(), Csv.field(feature), Long.toString(records), Long.toString(tokensIn), Long.toString(tokensOut),
                cost.toPlainString(), Double.toString(coreSeconds));
    }
}
