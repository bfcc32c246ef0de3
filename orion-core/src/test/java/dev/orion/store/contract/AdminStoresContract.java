package dev.orion.store.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orion.store.AdminStores;
import dev.orion.store.AuditEvent;
import dev.orion.store.AuditFilter;
import dev.orion.store.NewStructure;
import dev.orion.store.PageRequest;
import dev.orion.store.TenantStores;
import dev.orion.store.UsageAggregate;
import dev.orion.store.UsageFilter;
import dev.orion.store.UsageGranularity;
import dev.orion.store.UsageRecord;
import dev.orion.tenant.Principal;
import dev.orion.tenant.TenantId;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The contract of {@link dev.orion.store.AdminStores}: cross-tenant reports that are themselves audited. */
public abstract class AdminStoresContract extends ContractSupport {

    @Test
    void adminReportsSpanTenantsAndAreThemselvesAudited() {
        TenantStores a = newTenant();
        TenantStores b = newTenant();
        a.structures().save(NewStructure.of("x", TestStructures.cu()));
        b.structures().save(NewStructure.of("y", TestStructures.fe()));
        b.structures().save(NewStructure.of("z", TestStructures.fe()));
        a.usage().record(UsageRecord.llm(Optional.empty(), "f", 10, 1, new BigDecimal("0.5"), Backends.T0));
        b.usage().record(UsageRecord.llm(Optional.empty(), "f", 20, 2, new BigDecimal("0.25"), Backends.T0));
        AdminStores admin = backend().stores().admin(Principal.user("auditor"));
        AuditFilter adminTrail = AuditFilter.all().withActor(Principal.user("auditor"));
        long before = countAdminEvents(admin, adminTrail);

        assertThat(admin.tenants()).contains(a.tenant(), b.tenant());
        assertThat(admin.auditEvents(Optional.of(b.tenant()), AuditFilter.all(), PageRequest.first(10)).items())
                .hasSize(2).allMatch(e -> e.tenant().equals(b.tenant()));
        List<AuditEvent> both = new ArrayList<>();
        admin.forEachAuditEvent(Optional.empty(), AuditFilter.all().withResourceType("structure"), e -> {
            if (e.tenant().equals(a.tenant()) || e.tenant().equals(b.tenant())) {
                both.add(e);
            }
        });
        assertThat(both).hasSize(3);
        assertThat(admin.auditStats(Optional.of(a.tenant()), AuditFilter.all()).total()).isEqualTo(1);
        List<UsageAggregate> usage = admin.usage(Optional.empty(), UsageFilter.all(), UsageGranularity.DAY).stream()
                .filter(u -> u.tenant().equals(a.tenant()) || u.tenant().equals(b.tenant())).toList();
        assertThat(usage).extracting(UsageAggregate::tenant).containsExactlyInAnyOrder(a.tenant(), b.tenant());

        long after = countAdminEvents(admin, adminTrail);
        // five calls above, plus the counting call that measured 'after'
        assertThat(after - before).isEqualTo(6);
        assertThat(a.audit().count(AuditFilter.all().withActor(Principal.user("auditor")))).as("admin events stay out of tenants").isZero();
        assertThatThrownBy(() -> backend().stores().tenant(TenantId.ADMIN, Principal.user("x"))).isInstanceOf(IllegalArgumentException.class);
    }

    private static long countAdminEvents(AdminStores admin, AuditFilter filter) {
        return admin.auditStats(Optional.of(TenantId.ADMIN), filter).total();
    }
}
