package dev.orion.store.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orion.store.AuditFilter;
import dev.orion.store.Reservation;
import dev.orion.store.NewObservation;
import dev.orion.store.NewCampaign;
import dev.orion.store.LlmCallRecord;
import dev.orion.store.CampaignStatus;
import dev.orion.store.CampaignRecord;
import dev.orion.store.CampaignFilter;
import dev.orion.store.BudgetPeriod;
import dev.orion.store.BudgetKey;
import dev.orion.store.IssuedApiKey;
import dev.orion.store.JobRecord;
import dev.orion.store.Lease;
import dev.orion.store.NewApiKey;
import dev.orion.store.WorkItem;
import dev.orion.store.WorkItemFilter;
import dev.orion.tenant.ApiKey;
import dev.orion.tenant.RateLimit;
import dev.orion.store.JobFilter;
import dev.orion.store.JobStatus;
import dev.orion.store.JobTransition;
import dev.orion.store.LlmCacheEntry;
import dev.orion.store.LlmCallFilter;
import dev.orion.store.NewJob;
import dev.orion.store.NewStructure;
import dev.orion.store.NewWorkItem;
import dev.orion.store.NotFoundException;
import dev.orion.store.PageRequest;
import dev.orion.store.ResourceRef;
import dev.orion.store.StructureFilter;
import dev.orion.store.StructureRecord;
import dev.orion.store.TenantStores;
import dev.orion.store.UsageFilter;
import dev.orion.store.UsageGranularity;
import dev.orion.store.UsageRecord;
import dev.orion.store.WorkStatus;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Seeded random operations by three tenants on shared stores. After every operation, whatever the
 * acting tenant reads, counts or changes must match a model of its own data only; ids of the other
 * tenants are tried on purpose and must behave as absent.
 */
public abstract class CrossTenantContract extends ContractSupport {

    /** How many generated operations this backend runs (the three backends add up to over 10,000). */
    protected abstract int cases();

    private static final class Model {
        final TenantStores view;
        final Set<String> structures = new HashSet<>();
        final Set<String> jobs = new HashSet<>();
        final Map<String, String> cache = new HashMap<>();
        final Set<String> links = new HashSet<>();
        long audit;
        long llmCalls;
        long workItems;
        long usageRecords;

        Model(TenantStores view) {
            this.view = view;
        }
    }

    private static <T> T pick(Random rnd, List<T> list) {
        return list.get(rnd.nextInt(list.size()));
    }

    @Test
    void nothingCrossesTenantBoundariesOverSeededOperations() {
        Random rnd = new Random(20260314L);
        List<Model> tenants = List.of(new Model(newTenant()), new Model(newTenant()), new Model(newTenant()));
        int checked = 0;
        for (int i = 0; i < cases(); i++) {
            Model me = pick(rnd, tenants);
            Model other = pick(rnd, tenants.stream().filter(m -> m != me).toList());
            TenantStores t = me.view;
            switch (rnd.nextInt(12)) {
                case 0 -> {
                    StructureRecord r = t.structures().save(NewStructure.of("s" + i, rnd.nextBoolean() ? TestStructures.cu() : TestStructures.fe())
                            .withTags(Set.of("shared-tag")));
                    me.structures.add(r.id());
                    me.audit++;
                }
                case 1 -> {
                    if (!other.structures.isEmpty()) {
                        String foreign = pick(rnd, new ArrayList<>(other.structures));
                        assertThat(t.structures().find(foreign)).isEmpty();
                        assertThat(t.structures().delete(foreign)).isFalse();
                        assertThatThrownBy(() -> t.structures().putProperties(foreign, Map.of("x", 1.0))).isInstanceOf(NotFoundException.class);
                    }
                }
                case 2 -> {
                    List<StructureRecord> page = t.structures().query(StructureFilter.all().withTag("shared-tag"), PageRequest.first(500)).items();
                    assertThat(page).allMatch(r -> me.structures.contains(r.id()));
                    assertThat(t.structures().count(StructureFilter.all())).isEqualTo(me.structures.size());
                }
                case 3 -> {
                    me.jobs.add(t.jobs().create(NewJob.of("lammps", "local", "{}")).id());
                    me.audit++;
                }
                case 4 -> {
                    if (!other.jobs.isEmpty()) {
                        String foreign = pick(rnd, new ArrayList<>(other.jobs));
                        assertThatThrownBy(() -> t.jobs().transition(foreign, JobTransition.failed(JobStatus.SUBMITTED, "x")))
                                .isInstanceOf(NotFoundException.class);
                    }
                    assertThat(t.jobs().count(JobFilter.all())).isEqualTo(me.jobs.size());
                }
                case 5 -> {
                    String key = LlmCacheStoreContract.key(rnd.nextInt(20));
                    String value = "v" + i;
                    t.llmCache().put(new LlmCacheEntry(key, value, "p", clock().instant(), Optional.empty()));
                    me.cache.put(key, value);
                }
                case 6 -> {
                    String key = LlmCacheStoreContract.key(rnd.nextInt(20));
                    assertThat(t.llmCache().get(key).map(LlmCacheEntry::value)).isEqualTo(Optional.ofNullable(me.cache.get(key)));
                }
                case 7 -> {
                    int n = 1 + rnd.nextInt(3);
                    List<dev.orion.store.LlmCall> calls = new ArrayList<>();
                    for (int k = 0; k < n; k++) {
                        calls.add(LlmCallStoreContract.call(rnd, i + k));
                    }
                    t.llmCalls().recordAll(calls);
                    me.llmCalls += n;
                    assertThat(t.llmCalls().count(LlmCallFilter.all())).isEqualTo(me.llmCalls);
                }
                case 8 -> {
                    t.workQueue().enqueue(NewWorkItem.of("shared-queue", "p" + i));
                    me.workItems++;
                    me.audit++;
                    assertThat(t.workQueue().counts("shared-queue").values().stream().mapToLong(Long::longValue).sum()).isEqualTo(me.workItems);
                }
                case 9 -> {
                    var leases = t.workQueue().claim("shared-queue", "w", 2, Duration.ofMinutes(1));
                    for (var l : leases) {
                        assertThat(t.workQueue().find(l.item().id())).isPresent();
                        assertThat(other.view.workQueue().complete(l)).as("another tenant cannot complete my lease").isFalse();
                        assertThat(t.workQueue().complete(l)).isTrue();
                        me.audit += 2;
                    }
                    assertThat(t.workQueue().counts("shared-queue").get(WorkStatus.DONE)).isLessThanOrEqualTo(me.workItems);
                }
                case 10 -> {
                    t.usage().record(UsageRecord.llm(Optional.empty(), "f", 1, 1, BigDecimal.ONE, clock().instant()));
                    me.usageRecords++;
                    assertThat(t.usage().aggregate(UsageFilter.all(), UsageGranularity.MONTH).stream().mapToLong(a -> a.records()).sum())
                            .isEqualTo(me.usageRecords);
                }
                default -> {
                    if (!other.structures.isEmpty() && !me.jobs.isEmpty()) {
                        String foreign = pick(rnd, new ArrayList<>(other.structures));
                        String job = pick(rnd, new ArrayList<>(me.jobs));
                        t.provenance().link(ResourceRef.of("job", job), "used", ResourceRef.of("structure", foreign));
                        if (me.links.add(job + "->" + foreign)) {
                            me.audit++;
                        }
                        assertThat(other.view.provenance().linksTo(ResourceRef.of("structure", foreign))).isEmpty();
                    }
                    assertThat(t.audit().count(AuditFilter.all())).isEqualTo(me.audit);
                }
            }
            checked++;
        }
        for (Model m : tenants) {
            assertThat(m.view.audit().count(AuditFilter.all())).isEqualTo(m.audit);
            assertThat(m.view.structures().count(StructureFilter.all())).isEqualTo(m.structures.size());
            assertThat(m.view.llmCache().size()).isEqualTo(m.cache.size());
        }
        assertThat(checked).isEqualTo(cases());
    }

    @Test
    void anotherTenantsIdsInKeysAuthenticationWorkQueueIdempotencyAndRateLimitsChangeNothing() {
        TenantStores a = newTenant();
        TenantStores b = newTenant();
        var stores = backend().stores();
        // the other tenant's data
        IssuedApiKey key = b.apiKeys().issue(NewApiKey.of("b-key", "jobs:*").withRateLimit(RateLimit.perMinute(5)));
        WorkItem pending = b.workQueue().enqueue(NewWorkItem.of("q", "pending").withIdempotencyKey("item-key").withPriority(-1));
        WorkItem dead = b.workQueue().enqueue(NewWorkItem.of("q", "dead").withMaxAttempts(1).withPriority(5));
        b.workQueue().fail(b.workQueue().claim("q", "wb", 1, Duration.ofMinutes(1)).get(0), "poison");
        WorkItem held = b.workQueue().enqueue(NewWorkItem.of("q", "held").withPriority(4));
        Lease lease = b.workQueue().claim("q", "wb", 1, Duration.ofMinutes(1)).get(0);
        assertThat(lease.item().id()).isEqualTo(held.id());
        JobRecord job = b.jobs().create(NewJob.of("lammps", "local", "{}").withIdempotencyKey("job-key"));
        RateLimit limit = RateLimit.perMinute(1);
        assertThat(b.rateLimits().tryAcquire("llm:shared", limit, 1).allowed()).isTrue();
        List<ApiKey> keysBefore = b.apiKeys().list();
        List<WorkItem> itemsBefore = b.workQueue().query(WorkItemFilter.all(), PageRequest.first(100)).items();
        long auditBefore = auditCount(b);

        // the acting tenant tries every call with the other tenant's ids, keys and names
        assertThat(a.apiKeys().find(key.key().id())).isEmpty();
        assertThat(a.apiKeys().revoke(key.key().id())).isFalse();
        assertThat(a.apiKeys().list()).isEmpty();
        String asA = key.secret().replace("orion_" + b.tenant().value() + "_", "orion_" + a.tenant().value() + "_");
        assertThat(stores.authenticate(asA, "jobs:read").accepted()).isFalse();
        for (String id : List.of(pending.id(), dead.id(), held.id())) {
            assertThat(a.workQueue().find(id)).isEmpty();
            assertThatThrownBy(() -> a.workQueue().retryDead(id)).isInstanceOf(NotFoundException.class);
        }
        assertThat(a.workQueue().extend(lease, Duration.ofHours(1))).isEmpty();
        assertThat(a.workQueue().complete(lease)).isFalse();
        assertThat(a.workQueue().fail(lease, "from a")).isEmpty();
        assertThat(a.workQueue().release(lease)).isFalse();
        assertThat(a.workQueue().claim("q", "wa", 10, Duration.ofMinutes(1))).isEmpty();
        assertThat(a.workQueue().reclaimExpired()).isZero();
        assertThat(a.workQueue().counts("q").values()).allMatch(n -> n == 0);
        assertThat(a.workQueue().query(WorkItemFilter.all(), PageRequest.first(100)).items()).isEmpty();
        WorkItem own = a.workQueue().enqueue(NewWorkItem.of("q", "a's own").withIdempotencyKey("item-key"));
        assertThat(own.id()).isNotEqualTo(pending.id());
        assertThat(a.jobs().findByIdempotencyKey("job-key")).isEmpty();
        assertThat(a.jobs().createIfAbsent(NewJob.of("lammps", "local", "{}").withIdempotencyKey("job-key")).created()).isTrue();
        assertThat(a.rateLimits().tryAcquire("llm:shared", limit, 1).allowed()).as("buckets are per tenant").isTrue();
        a.rateLimits().reset("llm:shared");

        // the other tenant's data is as it was
        assertThat(b.apiKeys().list()).isEqualTo(keysBefore);
        assertThat(b.workQueue().query(WorkItemFilter.all(), PageRequest.first(100)).items()).isEqualTo(itemsBefore);
        assertThat(b.jobs().findByIdempotencyKey("job-key").map(JobRecord::id)).contains(job.id());
        assertThat(b.rateLimits().tryAcquire("llm:shared", limit, 1).allowed()).as("a's reset did not refill b's bucket").isFalse();
        assertThat(auditCount(b)).isEqualTo(auditBefore);
        assertThat(stores.authenticate(key.secret(), "jobs:read").accepted()).isTrue();
        assertThat(b.workQueue().complete(lease)).isTrue();
    }

    @Test
    void anotherTenantsCampaignsReservationsAndCallRecordsAreOutOfReach() {
        TenantStores a = newTenant();
        TenantStores b = newTenant();
        CampaignRecord campaign = b.campaigns().create(NewCampaign.of("b's campaign", "{\"goal\":\"min\"}"));
        b.campaigns().recordIteration(campaign.id(), 0, "{}");
        b.campaigns().addObservation(campaign.id(), NewObservation.of(0, "{\"x\":1}", Map.of("y", 1.0)));
        b.budgets().setLimit(BudgetKey.tenant(BudgetPeriod.TOTAL), new BigDecimal("10"));
        Reservation reservation = b.budgets().reserve(Optional.empty(), new BigDecimal("4"), Duration.ofMinutes(5));
        LlmCallRecord call = b.llmCalls().record(LlmCallStoreContract.call(new Random(7), 1));
        BigDecimal bSpent = b.budgets().spent(BudgetKey.tenant(BudgetPeriod.TOTAL));
        long auditBefore = auditCount(b);

        assertThat(a.campaigns().find(campaign.id())).isEmpty();
        assertThatThrownBy(() -> a.campaigns().updateStatus(campaign.id(), CampaignStatus.COMPLETED)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> a.campaigns().recordIteration(campaign.id(), 1, "{}")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> a.campaigns().addObservation(campaign.id(), NewObservation.of(1, "{}", Map.of("y", 9.0))))
                .isInstanceOf(NotFoundException.class);
        assertThat(a.campaigns().query(CampaignFilter.all(), PageRequest.first(10)).items()).isEmpty();
        assertThat(a.budgets().settle(reservation.id(), new BigDecimal("9"))).as("another tenant's reservation id").isFalse();
        assertThat(a.budgets().release(reservation.id())).isFalse();
        assertThat(a.budgets().list()).isEmpty();
        assertThat(a.budgets().spent(BudgetKey.tenant(BudgetPeriod.TOTAL))).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(a.llmCalls().find(call.id())).isEmpty();
        assertThat(a.llmCalls().count(LlmCallFilter.all())).isZero();

        assertThat(b.campaigns().find(campaign.id())).hasValueSatisfying(c -> assertThat(c.status()).isEqualTo(campaign.status()));
        assertThat(b.campaigns().iterations(campaign.id())).hasSize(1);
        assertThat(b.campaigns().observations(campaign.id(), PageRequest.first(10)).items()).hasSize(1);
        assertThat(b.budgets().spent(BudgetKey.tenant(BudgetPeriod.TOTAL))).isEqualByComparingTo(bSpent);
        assertThat(b.budgets().settle(reservation.id(), new BigDecimal("3"))).as("b's reservation is still open").isTrue();
        assertThat(b.llmCalls().find(call.id()).map(LlmCallRecord::id)).contains(call.id());
        assertThat(auditCount(b) - auditBefore).as("only b's own settle was audited").isLessThanOrEqualTo(1);
    }
}
