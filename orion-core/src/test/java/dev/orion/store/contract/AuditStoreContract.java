package dev.orion.store.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orion.store.AuditEvent;
import dev.orion.store.AuditFilter;
import dev.orion.store.AuditStats;
import dev.orion.store.BudgetKey;
import dev.orion.store.BudgetPeriod;
import dev.orion.store.CampaignStatus;
import dev.orion.store.JobStatus;
import dev.orion.store.JobTransition;
import dev.orion.store.NewApiKey;
import dev.orion.store.NewCampaign;
import dev.orion.store.NewJob;
import dev.orion.store.NewObservation;
import dev.orion.store.NewStructure;
import dev.orion.store.NewWorkItem;
import dev.orion.store.PageRequest;
import dev.orion.store.ResourceRef;
import dev.orion.store.TenantStores;
import dev.orion.tenant.Principal;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The contract of {@link dev.orion.store.AuditStore}: completeness, no events on failure, queries, exports. */
public abstract class AuditStoreContract extends ContractSupport {

    /** Every audited mutating method of the SPI, each run once on a fresh resource. */
    private Map<String, Runnable> mutations(TenantStores t) {
        Map<String, Runnable> m = new LinkedHashMap<>();
        String s = t.structures().save(NewStructure.of("a", TestStructures.cu())).id();
        String j = t.jobs().create(NewJob.of("e", "local", "{}")).id();
        String c = t.campaigns().create(NewCampaign.of("c", "{}")).id();
        String k = t.apiKeys().issue(NewApiKey.of("k", "*")).key().id();
        String dead = t.workQueue().enqueue(NewWorkItem.of("q-dead", "x").withMaxAttempts(1)).id();
        var deadLease = t.workQueue().claim("q-dead", "w", 1, Duration.ofMinutes(1)).get(0);
        t.workQueue().fail(deadLease, "boom");
        t.workQueue().enqueue(NewWorkItem.of("q", "x"));
        m.put("structure.save", () -> t.structures().save(NewStructure.of("b", TestStructures.fe())));
        m.put("structure.putProperties", () -> t.structures().putProperties(s, Map.of("e", 1.0)));
        m.put("structure.putMetadata", () -> t.structures().putMetadata(s, Map.of("k", "v")));
        m.put("structure.retag", () -> t.structures().retag(s, Set.of("x"), Set.of()));
        m.put("structure.delete", () -> t.structures().delete(s));
        m.put("job.create", () -> t.jobs().create(NewJob.of("e", "local", "{}")));
        m.put("job.transition", () -> t.jobs().transition(j, JobTransition.of(JobStatus.SUBMITTED, JobStatus.QUEUED)));
        m.put("campaign.create", () -> t.campaigns().create(NewCampaign.of("c2", "{}")));
        m.put("campaign.updateStatus", () -> t.campaigns().updateStatus(c, CampaignStatus.RUNNING));
        m.put("campaign.recordIteration", () -> t.campaigns().recordIteration(c, 0, "{}"));
        m.put("campaign.addObservation", () -> t.campaigns().addObservation(c, NewObservation.of(0, "{}", Map.of())));
        m.put("budget.setLimit", () -> t.budgets().setLimit(BudgetKey.tenant(BudgetPeriod.DAY), BigDecimal.TEN));
        m.put("budget.removeLimit", () -> t.budgets().removeLimit(BudgetKey.tenant(BudgetPeriod.DAY)));
        m.put("apiKey.issue", () -> t.apiKeys().issue(NewApiKey.of("k2", "*")));
        m.put("apiKey.revoke", () -> t.apiKeys().revoke(k));
        m.put("provenance.link", () -> t.provenance().link(ResourceRef.of("job", j), "on", ResourceRef.of("structure", s)));
        m.put("audit.record", () -> t.audit().record("export", "report", "r1", Map.of("rows", "10")));
        m.put("llmCache.invalidateAll", () -> t.llmCache().invalidateAll());
        m.put("workQueue.enqueue", () -> t.workQueue().enqueue(NewWorkItem.of("q2", "y")));
        m.put("workQueue.claim+complete", () -> t.workQueue().complete(t.workQueue().claim("q", "w", 1, Duration.ofMinutes(1)).get(0)));
        m.put("workQueue.retryDead", () -> t.workQueue().retryDead(dead));
        return m;
    }

    @Test
    void everyMutationWritesExactlyOneEventNamingActorAndResource() {
        TenantStores t = newTenant();
        for (Map.Entry<String, Runnable> e : mutations(t).entrySet()) {
            long before = auditCount(t);
            e.getValue().run();
            long expected = e.getKey().equals("workQueue.claim+complete") ? 2 : 1;
            assertThat(auditCount(t)).as(e.getKey()).isEqualTo(before + expected);
        }
        List<AuditEvent> all = t.audit().query(AuditFilter.all(), PageRequest.first(1000)).items();
        assertThat(all).allSatisfy(ev -> {
            assertThat(ev.tenant()).isEqualTo(t.tenant());
            assertThat(ev.actor()).isEqualTo(Principal.user("alice"));
            assertThat(ev.resourceId()).isNotBlank();
        });
    }

    @Test
    void failedMutationsWriteNoEvent() {
        TenantStores t = newTenant();
        String j = t.jobs().create(NewJob.of("e", "local", "{}")).id();
        String c = t.campaigns().create(NewCampaign.of("c", "{}")).id();
        long before = auditCount(t);
        List<Runnable> failing = new ArrayList<>();
        failing.add(() -> t.structures().putProperties("missing", Map.of("e", 1.0)));
        failing.add(() -> t.structures().retag("missing", Set.of("x"), Set.of()));
        failing.add(() -> t.jobs().transition(j, JobTransition.of(JobStatus.RUNNING, JobStatus.SUCCEEDED)));
        failing.add(() -> t.campaigns().recordIteration(c, 3, "{}"));
        failing.add(() -> t.campaigns().updateStatus("missing", CampaignStatus.RUNNING));
        failing.add(() -> t.workQueue().retryDead("missing"));
        failing.add(() -> t.structures().save(NewStructure.of("", TestStructures.cu())));
        failing.add(() -> t.budgets().setLimit(BudgetKey.tenant(BudgetPeriod.DAY), new BigDecimal("-1")));
        for (Runnable r : failing) {
            assertThatThrownBy(r::run).isInstanceOf(RuntimeException.class);
        }
        assertThat(t.structures().delete("missing")).isFalse();
        assertThat(t.apiKeys().revoke("missing")).isFalse();
        assertThat(auditCount(t)).isEqualTo(before);
        assertThat(t.jobs().find(j).orElseThrow().status()).isEqualTo(JobStatus.SUBMITTED);
    }

    @Test
    void queryStatsAndStreamingExports() {
        TenantStores t = newTenant();
        TenantStores bob = backend().stores().tenant(t.tenant(), Principal.user("bob"));
        for (int i = 0; i < 6; i++) {
            (i % 2 == 0 ? t : bob).structures().save(NewStructure.of("s" + i, TestStructures.cu()));
            clock().advance(Duration.ofHours(12));
        }
        t.audit().record("download", "report", "weekly,\"q1\"", Map.of("note", "=1+1"));
        assertThat(t.audit().count(AuditFilter.all().withActor(Principal.user("bob")))).isEqualTo(3);
        assertThat(t.audit().count(AuditFilter.all().between(Backends.T0, Backends.T0.plus(Duration.ofDays(1))))).isEqualTo(2);
        assertThat(t.audit().query(AuditFilter.all().withAction("create"), PageRequest.first(2).newestFirst()).items())
                .extracting(AuditEvent::time).containsExactly(Backends.T0.plus(Duration.ofHours(60)), Backends.T0.plus(Duration.ofHours(48)));
        AuditStats stats = t.audit().stats(AuditFilter.all());
        assertThat(stats.total()).isEqualTo(7);
        assertThat(stats.byAction()).containsEntry("create", 6L).containsEntry("download", 1L);
        assertThat(stats.byResourceType()).containsEntry("structure", 6L);
        assertThat(stats.byDay()).containsEntry(LocalDate.of(2026, 3, 14), 2L).containsEntry(LocalDate.of(2026, 3, 15), 2L);
        StringWriter csv = new StringWriter();
        t.audit().exportCsv(AuditFilter.all(), csv);
        String[] lines = csv.toString().split("\n");
        assertThat(lines).hasSize(8);
        assertThat(lines[0]).isEqualTo(AuditEvent.CSV_HEADER);
        assertThat(lines[7]).contains(",download,report,\"weekly,\"\"q1\"\"\",note==1+1");
        StringWriter json = new StringWriter();
        t.audit().exportJson(AuditFilter.all().withResource("report", "weekly,\"q1\""), json);
        assertThat(json.toString()).startsWith("[\n{").endsWith("}\n]\n").contains("\"resourceId\":\"weekly,\\\"q1\\\"\"");
    }
}
