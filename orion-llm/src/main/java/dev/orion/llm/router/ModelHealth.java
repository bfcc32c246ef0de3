package dev.orion.llm.router;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Consecutive failures and cooldowns per model, shared by all profiles of a router. */
final class ModelHealth {

    private final Map<String, State> states = new ConcurrentHashMap<>();

    /** When the model is available again, or null if it is available now. */
    Instant coolingUntil(String model, Instant now) {
        State s = states.get(model);
        if (s == null) {
            return null;
        }
        synchronized (s) {
            return s.coolUntil != null && now.isBefore(s.coolUntil) ? s.coolUntil : null;
        }
    }

    void success(String model) {
        State s = states.get(model);
        if (s != null) {
            synchronized (s) {
                s.failures = 0;
            }
        }
    }

    void failure(String model, CooldownPolicy policy, Instant now) {
        State s = states.computeIfAbsent(model, m -> new State());
        synchronized (s) {
            s.failures++;
            if (s.failures >= policy.failureThreshold() && !policy.duration().isZero()) {
                coolUntil(s, now.plus(policy.duration()));
                s.failures = 0;
            }
        }
    }

    void coolUntil(String model, Instant until) {
        State s = states.computeIfAbsent(model, m -> new State());
        synchronized (s) {
            coolUntil(s, until);
        }
    }

    private static void coolUntil(State s, Instant until) {
        if (s.coolUntil == null || s.coolUntil.isBefore(until)) {
            s.coolUntil = until;
        }
    }

    private static final class State {
        int failures;
        Instant coolUntil;
    }
}
