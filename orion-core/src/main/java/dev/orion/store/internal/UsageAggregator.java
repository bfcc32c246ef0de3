package dev.orion.store.internal;

import dev.orion.store.UsageAggregate;
import dev.orion.store.UsageGranularity;
import dev.orion.store.UsageKind;
import dev.orion.store.UsageRecord;
import dev.orion.tenant.ProjectId;
import dev.orion.tenant.TenantId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Folds usage records into per-period totals with one accumulator per group. */
public final class UsageAggregator {

    private record Key(String tenant, LocalDate period, String project, UsageKind kind, String feature)
            implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = tenant.compareTo(o.tenant);
            c = c != 0 ? c : period.compareTo(o.period);
            c = c != 0 ? c : project.compareTo(o.project);
            c = c != 0 ? c : kind.compareTo(o.kind);
            return c != 0 ? c : feature.compareTo(o.feature);
        }
    }

    private static final class Sum {
        long records;
        long in;
        long out;
        BigDecimal cost = BigDecimal.ZERO;
        double coreSeconds;
    }

    private final UsageGranularity granularity;
    private final Map<Key, Sum> sums = new TreeMap<>();

    /** @param granularity day or month */
    public UsageAggregator(UsageGranularity granularity) {
        this.granularity = granularity;
    }

    /** @param tenant the record's tenant @param r a record to add */
    public void add(TenantId tenant, UsageRecord r) {
        Key k = new Key(tenant.value(), granularity.periodOf(r.time()), r.project().map(ProjectId::value).orElse(""),
                r.kind(), r.feature());
        Sum s = sums.computeIfAbsent(k, x -> new Sum());
        s.records++;
        s.in += r.tokensIn();
        s.out += r.tokensOut();
        s.cost = s.cost.add(r.cost());
        s.coreSeconds += r.coreSeconds();
    }

    /**
     * Adds pre-summed totals (for example per-day sums computed by the database), folding them into
     * this aggregator's periods.
     *
     * @param a totals of one group
     */
    public void add(UsageAggregate a) {
        Key k = new Key(a.tenant().value(), granularity == UsageGranularity.DAY ? a.period() : a.period().withDayOfMonth(1),
                a.project().map(ProjectId::value).orElse(""), a.kind(), a.feature());
        Sum s = sums.computeIfAbsent(k, x -> new Sum());
        s.records += a.records();
        s.in += a.tokensIn();
        s.out += a.tokensOut();
        s.cost = s.cost.add(a.cost());
        s.coreSeconds += a.coreSeconds();
    }

    /** @return totals ordered by tenant, period, project, kind, feature */
    public List<UsageAggregate> result() {
        List<UsageAggregate> out = new ArrayList<>();
        sums.forEach((k, s) -> out.add(new UsageAggregate(TenantId.of(k.tenant()), k.period(),
                k.project().isEmpty() ? Optional.empty() : Optional.of(ProjectId.of(k.project())), k.kind(),
                k.feature(), s.records, s.in, s.out, s.cost.stripTrailingZeros(), s.coreSeconds)));
        return out;
    }
}
