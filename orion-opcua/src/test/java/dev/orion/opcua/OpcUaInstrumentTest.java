package dev.orion.opcua;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orion.campaign.Candidate;
import dev.orion.campaign.ContinuousParameter;
import dev.orion.campaign.Goal;
import dev.orion.campaign.Observation;
import dev.orion.campaign.ParameterSpace;
import dev.orion.campaign.ParameterValue;
import dev.orion.core.Orion;
import dev.orion.core.Stores;
import dev.orion.core.campaign.runner.CampaignOutcome;
import dev.orion.core.campaign.runner.CampaignRunner;
import dev.orion.core.campaign.runner.StopCriteria;
import dev.orion.core.campaign.strategy.Strategies;
import dev.orion.core.lab.InstrumentEvaluator;
import dev.orion.lab.InstrumentException;
import dev.orion.lab.InstrumentState;
import dev.orion.lab.InstrumentTimeoutException;
import dev.orion.lab.InstrumentUnavailableException;
import dev.orion.lab.MeasurementRequest;
import dev.orion.tenant.TenantId;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The OPC UA adapter against a Milo server in this JVM that exposes a simulated device. */
class OpcUaInstrumentTest {

    int port;
    SimulatedDevice device;
    LabDeviceServer server;
    OpcUaInstrument xrd;

    @BeforeEach
    void start() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        device = new SimulatedDevice(Duration.ofMillis(150), p -> 2 * p.get("x"));
        server = LabDeviceServer.start(port, device);
        xrd = OpcUaInstrument.builder("xrd", LabDeviceServer.url(port)).device("ns=2;s=Device").outcome("gap", "eV")
                .requestTimeout(Duration.ofSeconds(1)).build();
    }

    @AfterEach
    void stop() {
        device.resume();
        xrd.close();
        server.close();
    }

    static Candidate point(double x) {
        return Candidate.of(Map.of("x", ParameterValue.real(x)));
    }

    static void await(String what, Supplier<Boolean> condition) {
        Instant deadline = Instant.now().plusSeconds(30);
        while (!condition.get()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting for " + what);
            }
            java.util.concurrent.locks.LockSupport.parkNanos(20_000_000);
        }
    }

    @Test
    void measuresOneSampleAtATimeAndReadsTheResult() {
        String a = xrd.submit(new MeasurementRequest("r1", point(0.5)));
        String b = xrd.submit(new MeasurementRequest("r2", point(-1)));
        assertThat(xrd.submit(new MeasurementRequest("r1", point(0.5)))).as("idempotent").isEqualTo(a);
        assertThat(xrd.state(a)).isEqualTo(InstrumentState.RUNNING);
        assertThat(xrd.state(b)).isEqualTo(InstrumentState.QUEUED);
        assertThatThrownBy(() -> xrd.result(a)).isInstanceOf(IllegalStateException.class);
        await("r1 done", () -> xrd.state(a) == InstrumentState.DONE);
        assertThat(xrd.state(b)).as("r2 waits until r1's result is fetched").isEqualTo(InstrumentState.QUEUED);
        Observation first = xrd.result(a);
        assertThat(first.value("gap")).hasValue(1.0);
        assertThat(first.outcomes().get("gap").unit()).isEqualTo("eV");
        await("r2 finished", () -> xrd.state(b).isFinished());
        assertThat(xrd.state(b)).isEqualTo(InstrumentState.FAILED);
        assertThat(xrd.result(b).failure().orElseThrow()).contains("sample holder jammed");
        assertThat(xrd.result(a)).isEqualTo(first);
        assertThat(device.started()).isEqualTo(2);
        assertThatThrownBy(() -> xrd.state("unknown")).isInstanceOf(InstrumentException.class)
                .satisfies(e -> assertThat(((InstrumentException) e).isRetryable()).isFalse());
    }

    @Test
    void aCampaignMeasuresOnTheDevice() {
        try (Orion orion = Orion.builder().store(Stores.inMemory()).build()) {
            CampaignOutcome outcome = CampaignRunner.builder(orion.tenant(TenantId.of("lab")))
                    .space(ParameterSpace.builder().add(ContinuousParameter.of("x", 0, 2)).build()).goal(Goal.minimize("gap"))
                    .strategy(Strategies.sobol()).evaluator(InstrumentEvaluator.builder(xrd).build())
                    .stop(StopCriteria.afterEvaluations(4)).batchSize(2).pollInterval(Duration.ofMillis(20)).build().run();
            assertThat(outcome.evaluations()).isEqualTo(4);
            assertThat(outcome.observations()).allSatisfy(o ->
                    assertThat(o.value("gap").getAsDouble()).isEqualTo(2 * o.candidate().number("x")));
            assertThat(device.started()).isEqualTo(4);
        }
    }

    @Test
    void aDeviceThatStopsAnsweringTimesOutAndLosesNothing() {
        String a = xrd.submit(new MeasurementRequest("r1", point(0.25)));
        device.stall();
        assertThatThrownBy(() -> xrd.state(a)).isInstanceOf(InstrumentTimeoutException.class)
                .satisfies(e -> assertThat(((InstrumentException) e).isRetryable()).isTrue())
                .hasMessageContaining("within PT1S");
        device.resume();
        await("r1 done after the stall", () -> xrd.state(a) == InstrumentState.DONE);
        assertThat(xrd.result(a).value("gap")).hasValue(0.5);
        assertThat(device.started()).isEqualTo(1);
    }

    @Test
    void aDisconnectGivesATypedErrorAndTheExperimentIsReadAfterReconnecting() {
        String a = xrd.submit(new MeasurementRequest("r1", point(0.75)));
        server.close();
        assertThatThrownBy(() -> xrd.state(a)).isInstanceOf(InstrumentUnavailableException.class)
                .satisfies(e -> assertThat(((InstrumentException) e).isRetryable()).isTrue());
        server = LabDeviceServer.start(port, device);
        await("reconnected and r1 done", () -> {
            try {
                return xrd.state(a) == InstrumentState.DONE;
            } catch (InstrumentUnavailableException | InstrumentTimeoutException e) {
                return false;
            }
        });
        assertThat(xrd.result(a).value("gap")).hasValue(1.5);
        assertThat(device.started()).as("the experiment was not started again").isEqualTo(1);
    }
}
