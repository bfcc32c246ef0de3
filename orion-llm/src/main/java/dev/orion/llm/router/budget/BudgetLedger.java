package dev.orion.llm.router.budget;

import dev.orion.BudgetExceededException;
import dev.orion.tenant.ProjectId;
import dev.orion.tenant.TenantId;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * Keeps what is spent and reserved per budget and refuses reservations that would exceed a limit.
 * Implementations: {@link InMemoryBudgetLedger} (one JVM) and the store-backed ledger over
 * {@code dev.orion.store.BudgetStore} (several JVMs sharing a database).
 */
public interface BudgetLedger {

    /**
     * Sets {@code amount} aside against every limit that applies, atomically: either all or none.
     *
     * @param tenant  the tenant
     * @param project the project, if any (project limits apply only when present)
     * @param limits  the limits to respect
     * @param amount  the worst-case cost of the call (USD)
     * @return the reservation to settle or release
     * @throws BudgetExceededException naming the first budget that would be exceeded
     */
    BudgetReservation reserve(TenantId tenant, Optional<ProjectId> project, List<BudgetLimit> limits, BigDecimal amount);

    /** Replaces a reservation by the actual cost. @param reservation the reservation @param actual dollars */
    void settle(BudgetReservation reservation, BigDecimal actual);

    /** Gives a reservation back unspent. @param reservation the reservation */
    void release(BudgetReservation reservation);

    /**
     * What is spent (settled) in the current window of a budget.
     *
     * @param tenant  the tenant
     * @param project the project for a project budget
     * @param limit   the budget
     * @return dollars
     */
    BigDecimal spent(TenantId tenant, Optional<ProjectId> project, BudgetLimit limit);
}
