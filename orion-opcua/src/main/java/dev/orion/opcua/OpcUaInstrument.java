package dev.orion.opcua;

import dev.orion.campaign.Candidate;
import dev.orion.campaign.Measurement;
import dev.orion.campaign.Observation;
import dev.orion.campaign.ParameterValue;
import dev.orion.lab.Instrument;
import dev.orion.lab.InstrumentException;
import dev.orion.lab.InstrumentState;
import dev.orion.lab.InstrumentTimeoutException;
import dev.orion.lab.InstrumentUnavailableException;
import dev.orion.lab.MeasurementRequest;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link Instrument} on an OPC UA server, through Eclipse Milo's client. The device measures one sample at
 * a time and exposes these variables under a node id prefix (e.g. {@code ns=2;s=Device}):
 *
 * <table>
 * <caption>The device's variables</caption>
 * <tr><th>variable</th><th>type</th><th>written by</th><th>meaning</th></tr>
 * <tr><td>{@code /RequestId}</td><td>String</td><td>ORION</td><td>the request to start</td></tr>
 * <tr><td>{@code /Parameters}</td><td>String[]</td><td>ORION</td><td>the candidate's settings, {@code name=value} each</td></tr>
 * <tr><td>{@code /Command}</td><td>String</td><td>ORION</td><td>{@code START} (with the two above, in one write) or {@code CANCEL}</td></tr>
 * <tr><td>{@code /ActiveRequest}</td><td>String</td><td>device</td><td>the request measured now or last</td></tr>
 * <tr><td>{@code /State}</td><td>String</td><td>device</td><td>{@code IDLE}, {@code RUNNING}, {@code DONE}, {@code FAILED}, {@code CANCELLED}</td></tr>
 * <tr><td>{@code /Result}</td><td>Double</td><td>device</td><td>the measured value, once {@code DONE}</td></tr>
 * <tr><td>{@code /Error}</td><td>String</td><td>device</td><td>why it failed, once {@code FAILED}</td></tr>
 * </table>
 *
 * <p>Requests submitted while the device is busy wait in this object's queue and are started in order. The
 * next measurement starts only after the last one's result was fetched, so a result is never overwritten
 * before ORION has it; a process that restarts re-attaches by submitting the same request id again (the one
 * on the device is recognised by {@code /ActiveRequest}). A server that cannot be reached gives
 * {@link InstrumentUnavailableException}, one that does not answer in time {@link InstrumentTimeoutException};
 * both leave the experiment on the device. Milo's client reconnects on its own once the server is back.
 *
 * <pre>{@code
 * try (OpcUaInstrument xrd = OpcUaInstrument.builder("xrd", "opc.tcp://lab-pc:4840/xrd")
 *         .device("ns=2;s=Device").outcome("band_gap", "eV").requestTimeout(Duration.ofSeconds(5)).build()) {
 *     Evaluator lab = InstrumentEvaluator.builder(xrd).build();
 * }
 * }</pre>
 */
public final class OpcUaInstrument implements Instrument, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OpcUaInstrument.class);

    private final String name;
    private final String endpointUrl;
    private final String device;
    private final String outcome;
    private final String unit;
    private final Duration timeout;
    private final Duration connectTimeout;
    private final Map<String, MeasurementRequest> requests = new HashMap<>();
    private final Deque<String> queue = new ArrayDeque<>();
    private final Set<String> cancelledInQueue = new HashSet<>();
    private final Map<String, Observation> fetched = new HashMap<>();
    private OpcUaClient client;

    private OpcUaInstrument(Builder b) {
        this.name = b.name;
        this.endpointUrl = b.endpointUrl;
        this.device = b.device;
        this.outcome = b.outcome;
        this.unit = b.unit;
        this.timeout = b.requestTimeout;
        this.connectTimeout = b.connectTimeout;
    }

    /** @param name the instrument's name  @param endpointUrl its server, e.g. {@code opc.tcp://host:4840/path}  @return a builder */
    public static Builder builder(String name, String endpointUrl) {
        return new Builder(name, endpointUrl);
    }

    @Override
    public String name() {
        return name;
    }

    private record DeviceStatus(String activeRequest, String state, Optional<Double> result, String error) {
    }

    @Override
    public synchronized String submit(MeasurementRequest request) {
        Objects.requireNonNull(request, "request");
        if (!requests.containsKey(request.id())) {
            requests.put(request.id(), request);
            if (!request.id().equals(status().activeRequest())) {
                queue.add(request.id());
            }
        }
        advance();
        return request.id();
    }

    @Override
    public synchronized InstrumentState state(String reference) {
        known(reference);
        if (cancelledInQueue.contains(reference)) {
            return InstrumentState.CANCELLED;
        }
        if (fetched.containsKey(reference)) {
            return fetched.get(reference).isFailure() ? InstrumentState.FAILED : InstrumentState.DONE;
        }
        advance();
        if (queue.contains(reference)) {
            return InstrumentState.QUEUED;
        }
        DeviceStatus s = status();
        if (!reference.equals(s.activeRequest())) {
            throw new InstrumentException(name, "the device no longer holds experiment " + reference + " (it shows "
                    + s.activeRequest() + ")");
        }
        return deviceState(s.state());
    }

    @Override
    public synchronized Observation result(String reference) {
        MeasurementRequest request = known(reference);
        Observation done = fetched.get(reference);
        if (done != null) {
            return done;
        }
        if (cancelledInQueue.contains(reference)) {
            return Observation.failed(request.candidate(), "experiment " + reference + " was cancelled before it started on " + name);
        }
        DeviceStatus s = status();
        InstrumentState state = reference.equals(s.activeRequest()) ? deviceState(s.state()) : InstrumentState.QUEUED;
        Candidate c = request.candidate();
        Observation o = switch (state) {
            case QUEUED, RUNNING -> throw new IllegalStateException("experiment " + reference + " on " + name + " is " + state);
            case DONE -> Observation.of(c, Map.of(outcome, Measurement.of(s.result().orElseThrow(() ->
                    new InstrumentException(name, "the device reports DONE for " + reference + " without a numeric result")), unit)));
            case FAILED -> Observation.failed(c, clip("the device failed: " + s.error()));
            case CANCELLED -> Observation.failed(c, "experiment " + reference + " was cancelled on " + name);
        };
        fetched.put(reference, o);
        advance();
        return o;
    }

    @Override
    public synchronized void cancel(String reference) {
        known(reference);
        if (queue.remove(reference)) {
            cancelledInQueue.add(reference);
            return;
        }
        DeviceStatus s = status();
        if (reference.equals(s.activeRequest()) && !deviceState(s.state()).isFinished()) {
            write("cancel " + reference, List.of(node("Command")), List.of(new DataValue(new Variant("CANCEL"))));
        }
    }

    /** Disconnects from the server. */
    @Override
    public synchronized void close() {
        if (client != null) {
            try {
                client.disconnect().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                LOG.debug("disconnecting from {} failed: {}", endpointUrl, e.toString());
            }
            client = null;
        }
    }

    private MeasurementRequest known(String reference) {
        MeasurementRequest r = requests.get(Objects.requireNonNull(reference, "reference"));
        if (r == null) {
            throw new InstrumentException(name, "no experiment " + reference + " was submitted through this connection");
        }
        return r;
    }

    /** Starts the next queued request once the device is free and its last result is in ORION's hands. */
    private void advance() {
        if (queue.isEmpty()) {
            return;
        }
        DeviceStatus s = status();
        InstrumentState state = s.activeRequest().isEmpty() ? InstrumentState.DONE : deviceState(s.state());
        boolean lastIsSafe = s.activeRequest().isEmpty() || "IDLE".equals(s.state()) || fetched.containsKey(s.activeRequest())
                || state == InstrumentState.CANCELLED;
        if (!state.isFinished() || !lastIsSafe) {
            return;
        }
        String next = queue.peek();
        write("start " + next, List.of(node("RequestId"), node("Parameters"), node("Command")),
                List.of(new DataValue(new Variant(next)), new DataValue(new Variant(parameters(requests.get(next).candidate()))),
                        new DataValue(new Variant("START"))));
        queue.poll();
        LOG.debug("{} started experiment {}", name, next);
    }

    private InstrumentState deviceState(String s) {
        return switch (s) {
            case "RUNNING" -> InstrumentState.RUNNING;
            case "DONE" -> InstrumentState.DONE;
            case "FAILED" -> InstrumentState.FAILED;
            case "CANCELLED" -> InstrumentState.CANCELLED;
            case "IDLE" -> InstrumentState.QUEUED;
            default -> throw new InstrumentException(name, "the device reports an unknown state '" + s + "'");
        };
    }

    private static String[] parameters(Candidate c) {
        List<String> out = new ArrayList<>();
        c.values().forEach((k, v) -> out.add(k + "=" + (v instanceof ParameterValue.Real r ? Double.toString(r.value())
                : v instanceof ParameterValue.Whole w ? Long.toString(w.value())
                : v instanceof ParameterValue.Category cat ? cat.value() : v.toString())));
        if (c.values().isEmpty()) {
            out.add("id=" + c.id());
        }
        return out.toArray(new String[0]);
    }

    private DeviceStatus status() {
        List<DataValue> values = call("read the device state", () -> connected().readValues(0, TimestampsToReturn.Neither,
                List.of(node("ActiveRequest"), node("State"), node("Result"), node("Error"))));
        for (int i = 0; i < values.size(); i++) {
            StatusCode sc = values.get(i).getStatusCode();
            if (sc != null && sc.isBad()) {
                throw new InstrumentException(name, "reading variable " + i + " of " + device + " failed: " + sc);
            }
        }
        Object result = values.get(2).getValue().getValue();
        return new DeviceStatus(text(values.get(0)), text(values.get(1)),
                result instanceof Number n ? Optional.of(n.doubleValue()) : Optional.empty(), text(values.get(3)));
    }

    private static String text(DataValue v) {
        Object o = v.getValue().getValue();
        return o == null ? "" : o.toString();
    }

    private void write(String what, List<NodeId> nodes, List<DataValue> values) {
        List<StatusCode> codes = call(what, () -> connected().writeValues(nodes, values));
        for (int i = 0; i < codes.size(); i++) {
            if (codes.get(i).isBad()) {
                throw new InstrumentException(name, what + ": the device refused writing " + nodes.get(i) + ": " + codes.get(i));
            }
        }
    }

    private NodeId node(String variable) {
        return NodeId.parse(device + "/" + variable);
    }

    private OpcUaClient connected() {
        if (client == null) {
            OpcUaClient c = null;
            try {
                c = OpcUaClient.create(endpointUrl,
                        endpoints -> endpoints.stream().filter(e -> SecurityPolicy.None.getUri().equals(e.getSecurityPolicyUri())).findFirst(),
                        config -> config.setApplicationName(LocalizedText.english("ORION " + name))
                                .setApplicationUri("urn:dev.orion:instrument:" + name)
                                // Milo's own limit, which also bounds connecting; each call waits only requestTimeout for its answer
                                .setRequestTimeout(Unsigned.uint(connectTimeout.toMillis()))
                                .setConnectTimeout(Unsigned.uint(connectTimeout.toMillis())).build());
                c.connect().get(connectTimeout.toMillis(), TimeUnit.MILLISECONDS);
                client = c;
            } catch (UaException | ExecutionException e) {
                abandon(c);
                throw new InstrumentUnavailableException(name, "cannot connect to " + endpointUrl + ": " + e.getMessage(), e);
            } catch (TimeoutException e) {
                abandon(c);
                throw new InstrumentTimeoutException(name, "connecting to " + endpointUrl, connectTimeout, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InstrumentUnavailableException(name, "interrupted while connecting to " + endpointUrl, e);
            }
        }
        return client;
    }

    private static void abandon(OpcUaClient c) {
        if (c != null) {
            c.disconnect();
        }
    }

    private <T> T call(String what, Supplier<CompletableFuture<T>> request) {
        CompletableFuture<T> f = request.get();
        try {
            return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            if (!sessionUp()) {
                throw new InstrumentUnavailableException(name, what + ": not connected to " + endpointUrl, e);
            }
            throw new InstrumentTimeoutException(name, what, timeout, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new InstrumentUnavailableException(name, what + " failed on " + endpointUrl + ": " + cause.getMessage(), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InstrumentUnavailableException(name, what + " was interrupted", e);
        }
    }

    private boolean sessionUp() {
        var session = client == null ? null : client.getSession();
        return session != null && session.isDone() && !session.isCompletedExceptionally();
    }

    private static String clip(String reason) {
        return reason.length() > Observation.MAX_FAILURE_LENGTH ? reason.substring(0, Observation.MAX_FAILURE_LENGTH) : reason;
    }

    /** Collects an OPC UA instrument's settings; the device prefix and the outcome are required. */
    public static final class Builder {
        private final String name;
        private final String endpointUrl;
        private String device;
        private String outcome;
        private String unit = "";
        private Duration requestTimeout = Duration.ofSeconds(5);
        private Duration connectTimeout = Duration.ofSeconds(10);

        private Builder(String name, String endpointUrl) {
            if (name == null || name.isBlank() || name.length() > 100) {
                throw new IllegalArgumentException("name must be 1-100 characters, got '" + name + "'");
            }
            if (endpointUrl == null || !endpointUrl.startsWith("opc.tcp://")) {
                throw new IllegalArgumentException("endpointUrl must start with opc.tcp://, got '" + endpointUrl + "'");
            }
            this.name = name;
            this.endpointUrl = endpointUrl;
        }

        /** @param nodeIdPrefix the node id the device's variables hang under, e.g. {@code ns=2;s=Device}  @return this builder (for chaining) */
        public Builder device(String nodeIdPrefix) {
            if (nodeIdPrefix == null || NodeId.parseOrNull(nodeIdPrefix + "/State") == null) {
                throw new IllegalArgumentException("device must be a node id prefix such as ns=2;s=Device, got '" + nodeIdPrefix + "'");
            }
            this.device = nodeIdPrefix;
            return this;
        }

        /** @param name the outcome the device measures  @param unit its unit  @return this builder (for chaining) */
        public Builder outcome(String name, String unit) {
            this.outcome = Objects.requireNonNull(name, "outcome");
            this.unit = Objects.requireNonNull(unit, "unit");
            return this;
        }

        /** @param t how long to wait for each answer of the server (&gt; 0; default 5 s)  @return this builder (for chaining) */
        public Builder requestTimeout(Duration t) {
            if (t == null || t.isNegative() || t.isZero()) {
                throw new IllegalArgumentException("requestTimeout must be positive, got " + t);
            }
            this.requestTimeout = t;
            return this;
        }

        /** @param t how long to wait for the first connection (&gt; 0; default 10 s)  @return this builder (for chaining) */
        public Builder connectTimeout(Duration t) {
            if (t == null || t.isNegative() || t.isZero()) {
                throw new IllegalArgumentException("connectTimeout must be positive, got " + t);
            }
            this.connectTimeout = t;
            return this;
        }

        /**
         * @return the instrument (it connects on first use)
         * @throws IllegalStateException if the device or the outcome is missing
         */
        public OpcUaInstrument build() {
            if (device == null || outcome == null) {
                throw new IllegalStateException("OpcUaInstrument needs device(...) and outcome(...)");
            }
            return new OpcUaInstrument(this);
        }
    }
}
