package dev.orion.store.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orion.store.UsageAggregate;
import dev.orion.store.UsageFilter;
import dev.orion.store.UsageGranularity;
import dev.orion.store.UsageKind;
import dev.orion.store.UsageRecord;
import dev.orion.store.UsageStore;
import dev.orion.tenant.ProjectId;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The contract of {@link dev.orion.store.UsageStore}: day/month aggregation and CSV. */
public abstract class UsageStoreContract extends ContractSupport {

    @Test
    void aggregatesPerDayAndMonthAndExportsCsv() {
        UsageStore u = newTenant().usage();
        Optional<ProjectId> p = Optional.of(ProjectId.of("p1"));
        u.recordAll(List.of(
                UsageRecord.llm(p, "advisor", 100, 20, new BigDecimal("0.01"), Backends.T0),
                UsageRecord.llm(p, "advisor", 300, 40, new BigDecimal("0.03"), Backends.T0.plus(Duration.ofHours(2))),
                UsageRecord.llm(p, "advisor", 50, 5, new BigDecimal("0.005"), Backends.T0.plus(Duration.ofDays(1))),
                UsageRecord.compute(p, "relaxation", 3600.5, new BigDecimal("0.10"), Backends.T0).withRunId("r1"),
                UsageRecord.compute(Optional.empty(), "md", 10, BigDecimal.ZERO, Backends.T0.plus(Duration.ofDays(20)))));
        u.record(UsageRecord.llm(Optional.empty(), "chat", 1, 1, new BigDecimal("0.001"), Backends.T0));
        List<UsageAggregate> days = u.aggregate(UsageFilter.all().withKind(UsageKind.LLM).withFeature("advisor"), UsageGranularity.DAY);
        assertThat(days).hasSize(2);
        assertThat(days.get(0).period()).isEqualTo(LocalDate.of(2026, 3, 14));
        assertThat(days.get(0).records()).isEqualTo(2);
        assertThat(days.get(0).tokensIn()).isEqualTo(400);
        assertThat(days.get(0).cost()).isEqualByComparingTo("0.04");
        List<UsageAggregate> months = u.aggregate(UsageFilter.all(), UsageGranularity.MONTH);
        assertThat(months).extracting(a -> a.period().toString() + "/" + a.project().map(ProjectId::value).orElse("-") + "/" + a.feature())
                .containsExactly("2026-03-01/-/chat", "2026-03-01/p1/advisor", "2026-03-01/p1/relaxation", "2026-04-01/-/md");
        assertThat(u.aggregate(UsageFilter.all().withRunId("r1"), UsageGranularity.MONTH).get(0).coreSeconds()).isEqualTo(3600.5);
        StringWriter csv = new StringWriter();
        u.exportCsv(UsageFilter.all().between(Backends.T0, Backends.T0.plus(Duration.ofDays(2))), UsageGranularity.DAY, csv);
        assertThat(csv.toString().split("\n")).hasSize(5).startsWith(UsageAggregate.CSV_HEADER);
        assertThat(csv.toString()).contains(",2026-03-14,p1,COMPUTE,relaxation,1,0,0,0.1,3600.5");
    }
}
