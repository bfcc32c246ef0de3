package dev.orion.llm.router.budget;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Money set aside for one call until it is settled or released.
 *
 * @param id     the ledger's id for it
 * @param amount the amount reserved (USD)
 */
public record BudgetReservation(String id, BigDecimal amount) {

    /** A reservation that holds nothing (no budget applied). */
    public static final BudgetReservation NONE = new BudgetReservation("none", BigDecimal.ZERO);

    /** Validates the reservation. */
    public BudgetReservation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(amount, "amount");
    }
}
