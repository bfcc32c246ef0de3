package dev.orion.opcua;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * The device behind {@link LabDeviceServer}: one sample at a time; {@code START} begins measuring the request
 * written with it, which finishes {@code duration} later (measured on the wall clock) with {@code f(parameters)},
 * or fails when a parameter is negative. {@link #stall()} makes reads hang (a device that stops answering).
 */
final class SimulatedDevice {

    private final ToDoubleFunction<Map<String, Double>> f;
    private final Duration duration;
    private String requestId = "";
    private String[] parameters = new String[0];
    private String active = "";
    private String state = "IDLE";
    private Double result;
    private String error = "";
    private Instant finishesAt = Instant.MAX;
    private int started;
    private volatile CountDownLatch stall = new CountDownLatch(0);

    SimulatedDevice(Duration duration, ToDoubleFunction<Map<String, Double>> f) {
        this.duration = duration;
        this.f = f;
    }

    void stall() {
        stall = new CountDownLatch(1);
    }

    void resume() {
        stall.countDown();
    }

    synchronized int started() {
        return started;
    }

    Object read(String variable) {
        try {
            if (!stall.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("stalled for 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            if ("RUNNING".equals(state) && !Instant.now().isBefore(finishesAt)) {
                finish();
            }
            return switch (variable) {
                case "RequestId" -> requestId;
                case "Parameters" -> parameters;
                case "Command" -> "";
                case "ActiveRequest" -> active;
                case "State" -> state;
                case "Result" -> result;
                case "Error" -> error;
                default -> throw new IllegalArgumentException(variable);
            };
        }
    }

    synchronized void write(String variable, Object value) {
        switch (variable) {
            case "RequestId" -> requestId = (String) value;
            case "Parameters" -> parameters = (String[]) value;
            case "Command" -> command((String) value);
            default -> throw new IllegalArgumentException(variable + " is read-only");
        }
    }

    private void command(String command) {
        if ("START".equals(command) && !"RUNNING".equals(state)) {
            active = requestId;
            state = "RUNNING";
            result = null;
            error = "";
            finishesAt = Instant.now().plus(duration);
            started++;
        } else if ("CANCEL".equals(command) && "RUNNING".equals(state)) {
            state = "CANCELLED";
        }
    }

    private void finish() {
        Map<String, Double> p = new HashMap<>();
        for (String kv : parameters) {
            String[] parts = kv.split("=", 2);
            p.put(parts[0], Double.parseDouble(parts[1]));
        }
        if (p.values().stream().anyMatch(v -> v < 0)) {
            state = "FAILED";
            error = "sample holder jammed at negative setting " + p;
        } else {
            state = "DONE";
            result = f.applyAsDouble(p);
        }
    }
}
