package dev.orion.store.contract;

import dev.orion.store.AuditFilter;
import dev.orion.store.TenantStores;
import dev.orion.tenant.Principal;
import dev.orion.tenant.TenantId;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of every contract test: a backend, a clock reset to {@link Backends#T0} before each test,
 * and fresh tenants (so tests sharing one database never see each other's rows).
 */
public abstract class ContractSupport {

    private static final AtomicLong TENANTS = new AtomicLong();

    protected abstract Backend backend();

    @BeforeEach
    void resetClock() {
        backend().clock().set(Backends.T0);
    }

    protected MutableClock clock() {
        return backend().clock();
    }

    protected TenantId newTenantId() {
        return TenantId.of("t" + ProcessHandle.current().pid() + "-" + System.nanoTime() % 1_000_000 + "-" + TENANTS.incrementAndGet());
    }

    protected TenantStores newTenant() {
        return backend().stores().tenant(newTenantId(), Principal.user("alice"));
    }

    protected static long auditCount(TenantStores t) {
        return t.audit().count(AuditFilter.all());
    }
}
