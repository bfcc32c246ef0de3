/**
 * Budgets: {@link dev.orion.llm.router.budget.BudgetLimit}s per tenant and project over a day, a month
 * or in total, enforced by a {@link dev.orion.llm.router.budget.BudgetLedger} that reserves each call's
 * worst-case cost before it is sent and settles the actual cost afterwards, so concurrent calls can
 * never overspend together.
 */
package dev.orion.llm.router.budget;
