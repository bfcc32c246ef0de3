package dev.orion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BudgetExceededExceptionTest {

    private static final Instant MIDNIGHT = Instant.parse("2026-11-22T00:00:00Z");

    @Test
    void namesTheBudgetItsNumbersAndWhenItResets() {
        BudgetExceededException e = new BudgetExceededException("tenant:acme/project:cathodes/day",
                BudgetExceededException.Scope.PROJECT, new BigDecimal("2.00"), new BigDecimal("1.95"),
                new BigDecimal("0.10"), Optional.of(MIDNIGHT));
        assertThat(e).isInstanceOf(OrionException.class);
        assertThat(e.getMessage()).isEqualTo("project budget 'tenant:acme/project:cathodes/day' exceeded: limit $2.00,"
                + " spent or reserved $1.95, requested $0.10, resets at 2026-11-22T00:00:00Z");
        assertThat(e.retryable()).isTrue();
        assertThat(e.retryAfter(MIDNIGHT.minus(Duration.ofHours(3)))).contains(Duration.ofHours(3));
        assertThat(e.retryAfter(MIDNIGHT.plusSeconds(1))).contains(Duration.ZERO);
    }

    @Test
    void aCapNeverResets() {
        BudgetExceededException e = new BudgetExceededException("profile:advisor/max-cost-per-request",
                BudgetExceededException.Scope.REQUEST, new BigDecimal("0.05"), BigDecimal.ZERO, new BigDecimal("0.08"),
                Optional.empty());
        assertThat(e.getMessage()).endsWith("(never resets)");
        assertThat(e.retryable()).isFalse();
        assertThat(e.retryAfter(MIDNIGHT)).isEmpty();
    }

    @Test
    void survivesSerialisation() throws Exception {
        BudgetExceededException e = new BudgetExceededException("tenant:acme/month", BudgetExceededException.Scope.TENANT,
                BigDecimal.TEN, BigDecimal.ONE, BigDecimal.TEN, Optional.of(MIDNIGHT));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(e);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            BudgetExceededException back = (BudgetExceededException) in.readObject();
            assertThat(back.budget()).isEqualTo("tenant:acme/month");
            assertThat(back.scope()).isEqualTo(BudgetExceededException.Scope.TENANT);
            assertThat(back.resetsAt()).contains(MIDNIGHT);
            assertThat(back.spent()).isEqualByComparingTo("1");
        }
    }

    @Test
    void refusesMissingParts() {
        assertThatThrownBy(() -> new BudgetExceededException(null, BudgetExceededException.Scope.TENANT, BigDecimal.ONE,
                BigDecimal.ONE, BigDecimal.ONE, Optional.empty())).isInstanceOf(NullPointerException.class).hasMessage("budget");
        assertThatThrownBy(() -> new BudgetExceededException("b", BudgetExceededException.Scope.TENANT, BigDecimal.ONE,
                BigDecimal.ONE, BigDecimal.ONE, null)).isInstanceOf(NullPointerException.class).hasMessage("resetsAt");
    }
}
