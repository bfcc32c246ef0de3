package dev.orion.store;

import dev.orion.BudgetExceededException;
import dev.orion.tenant.ProjectId;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Spending limits of one tenant (USD), tenant-wide and per project, per day, month or in total, with
 * atomic reservations: {@link #reserve} checks every applicable budget and sets the estimate aside
 * in one step, so concurrent callers, including other JVMs sharing the database, can never
 * overspend together. Then {@link #settle} with the actual cost, or {@link #release}.
 *
 * <p>Spending is counted even where no limit is set, so a limit set later sees what was already
 * spent in its window. Limit changes are audited (resource type {@code "budget"}); reservations are
 * accounting, not audited.
 */
public interface BudgetStore {

    /**
     * Sets a limit. Safe to call concurrently from several instances with the same value (as every LLM
     * router instance does with its profiles' budgets): setting the limit a budget already has changes
     * nothing and writes no audit event.
     *
     * @param key   which budget
     * @param limit the limit in USD (>= 0)
     * @return the budget's status
     */
    BudgetStatus setLimit(BudgetKey key, BigDecimal limit);

    /** @param key which budget  @return whether a limit was removed */
    boolean removeLimit(BudgetKey key);

    /** @param key which budget  @return its status, empty if it has no limit */
    Optional<BudgetStatus> status(BudgetKey key);

    /**
     * What is settled or charged in the current window of a budget, whether or not it has a stored limit
     * (spending is always counted; a caller's {@link BudgetCap}s bound it without being stored).
     *
     * @param key which budget
     * @return USD spent in the window containing now
     */
    BigDecimal spent(BudgetKey key);

    /** @return the status of every budget with a limit */
    List<BudgetStatus> list();

    /**
     * Sets {@code estimate} aside against the tenant-wide budgets and, when {@code project} is given,
     * the project's budgets.
     *
     * @param project  the project charged, if any
     * @param estimate the most the operation may cost (USD, >= 0)
     * @param ttl      how long the reservation holds if never settled
     * @return the reservation
     * @throws BudgetExceededException naming the first budget that would be exceeded; nothing is reserved
     */
    default Reservation reserve(Optional<ProjectId> project, BigDecimal estimate, Duration ttl) {
        return reserve(project, estimate, ttl, List.of());
    }

    /**
     * Sets {@code estimate} aside as {@link #reserve(Optional, BigDecimal, Duration)} does, and checks the
     * caller's {@code caps} in the same transaction, against the same counters. The caps are not stored:
     * an operator's limit set with {@link #setLimit} is never changed by them, and they write no audit event.
     *
     * @param project  the project charged, if any
     * @param estimate the most the operation may cost (USD, >= 0)
     * @param ttl      how long the reservation holds if never settled
     * @param caps     more limits for this reservation only (e.g. an LLM profile's budgets); a cap of a
     *                 project must name {@code project}
     * @return the reservation
     * @throws BudgetExceededException naming the first budget, stored or capped, that would be exceeded;
     *                                 nothing is reserved
     * @throws IllegalArgumentException if a cap names another project than {@code project}
     */
    Reservation reserve(Optional<ProjectId> project, BigDecimal estimate, Duration ttl, List<BudgetCap> caps);

    /**
     * Replaces a reservation by the actual cost, which may exceed the estimate: all of it is charged
     * (the overspend then shows and blocks later reservations), and an actual cost above the estimate
     * writes an audit event {@code overspend} (resource type {@code "budget"}, the reservation's id) with
     * both amounts. A reservation that lapsed and was released is gone: the caller charges its cost with
     * {@link #charge} (see the LLM router's ledger), so no spending is lost.
     *
     * @param reservationId the reservation
     * @param actual        the actual cost (USD, >= 0)
     * @return false if the reservation was already settled, released or lapsed
     */
    boolean settle(String reservationId, BigDecimal actual);

    /** @param reservationId the reservation  @return false if it was already settled, released or lapsed */
    boolean release(String reservationId);

    /**
     * Records spending that was not reserved (for example a cost known only afterwards).
     *
     * @param project the project charged, if any
     * @param amount  the cost (USD, >= 0)
     */
    void charge(Optional<ProjectId> project, BigDecimal amount);

    /** @return how many lapsed reservations were released */
    int releaseExpired();
}
