package dev.orion.core.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orion.campaign.Candidate;
import dev.orion.campaign.Observation;
import dev.orion.campaign.ParameterValue;
import dev.orion.lab.InstrumentException;
import dev.orion.lab.InstrumentState;
import dev.orion.lab.InstrumentUnavailableException;
import dev.orion.lab.MeasurementRequest;
import dev.orion.store.contract.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SimulatedInstrumentTest {

    final MutableClock clock = new MutableClock(Instant.parse("2026-03-14T10:00:00Z"));

    static Candidate point(double x) {
        return Candidate.of(Map.of("x", ParameterValue.real(x)));
    }

    SimulatedInstrument.Builder xrd() {
        return SimulatedInstrument.builder("xrd", "gap", "eV", c -> 2 * c.number("x")).clock(clock)
                .queueDelay(Duration.ofSeconds(10)).measureDelay(Duration.ofSeconds(20));
    }

    @Test
    void experimentsQueueRunAndFinishOnTheClockIdempotentlyPerRequest() {
        SimulatedInstrument xrd = xrd().build();
        String ref = xrd.submit(new MeasurementRequest("r1", point(0.5)));
        assertThat(xrd.submit(new MeasurementRequest("r1", point(0.5)))).isEqualTo(ref);
        assertThat(xrd.experimentCount()).isEqualTo(1);
        assertThat(xrd.state(ref)).isEqualTo(InstrumentState.QUEUED);
        assertThatThrownBy(() -> xrd.result(ref)).isInstanceOf(IllegalStateException.class).hasMessageContaining("QUEUED");
        clock.advance(Duration.ofSeconds(10));
        assertThat(xrd.state(ref)).isEqualTo(InstrumentState.RUNNING);
        clock.advance(Duration.ofSeconds(20));
        assertThat(xrd.state(ref)).isEqualTo(InstrumentState.DONE);
        Observation o = xrd.result(ref);
        assertThat(o.value("gap")).hasValue(1.0);
        assertThat(o.outcomes().get("gap").unit()).isEqualTo("eV");
        String other = xrd.submit(new MeasurementRequest("r2", point(1)));
        xrd.cancel(other);
        clock.advance(Duration.ofMinutes(1));
        assertThat(xrd.state(other)).isEqualTo(InstrumentState.CANCELLED);
        assertThat(xrd.result(other).failure().orElseThrow()).contains("cancelled");
        assertThatThrownBy(() -> xrd.state("nope")).isInstanceOf(InstrumentException.class)
                .satisfies(e -> assertThat(((InstrumentException) e).isRetryable()).isFalse());
    }

    @Test
    void noiseAndFailuresAreSeededPerRequest() {
        SimulatedInstrument a = xrd().noise(0.1).failureRate(0.3).seed(42).build();
        SimulatedInstrument b = xrd().noise(0.1).failureRate(0.3).seed(42).build();
        int failed = 0;
        double sumSq = 0;
        int n = 400;
        for (int i = n - 1; i >= 0; i--) {
            b.submit(new MeasurementRequest("r" + i, point(i / 100.0)));
        }
        for (int i = 0; i < n; i++) {
            a.submit(new MeasurementRequest("r" + i, point(i / 100.0)));
        }
        clock.advance(Duration.ofMinutes(1));
        for (int i = 0; i < n; i++) {
            Observation x = a.result("r" + i);
            assertThat(x).as("same seed and request, same result in any order").isEqualTo(b.result("r" + i));
            if (x.isFailure()) {
                failed++;
            } else {
                double err = x.value("gap").getAsDouble() - 2 * i / 100.0;
                sumSq += err * err;
                assertThat(x.outcomes().get("gap").standardDeviation()).hasValue(0.1);
            }
        }
        assertThat(failed).isBetween(90, 150);
        double sd = Math.sqrt(sumSq / (n - failed));
        assertThat(sd).isBetween(0.085, 0.115);
    }

    @Test
    void aDisconnectedDeviceGivesTypedRetryableErrors() {
        SimulatedInstrument xrd = xrd().build();
        String ref = xrd.submit(new MeasurementRequest("r1", point(0.5)));
        xrd.setConnected(false);
        assertThatThrownBy(() -> xrd.state(ref)).isInstanceOf(InstrumentUnavailableException.class)
                .hasMessageContaining("xrd").satisfies(e -> assertThat(((InstrumentException) e).isRetryable()).isTrue());
        assertThatThrownBy(() -> xrd.submit(new MeasurementRequest("r2", point(1)))).isInstanceOf(InstrumentUnavailableException.class);
        xrd.setConnected(true);
        assertThat(xrd.experimentCount()).isEqualTo(1);
        assertThat(xrd.state(ref)).isEqualTo(InstrumentState.QUEUED);
    }
}
