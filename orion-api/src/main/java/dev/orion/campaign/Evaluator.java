package dev.orion.campaign;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The I/O side of a campaign: measures candidates (a Java function, an engine calculation run as a job, a
 * lookup table, a lab). Evaluation is split into {@link #submit} and {@link #poll} so that slow
 * evaluations run while the runner proposes more, and survive a restart of the runner through their
 * {@link EvaluationTicket}. A failed evaluation is reported as a failed {@link Observation}, not thrown.
 */
public interface Evaluator {

    /** @return a short name for logs and provenance */
    String name();

    /**
     * Starts evaluating a candidate; must be idempotent per candidate id, so that a runner that crashed
     * between submitting and recording the ticket does not evaluate twice.
     *
     * @param candidate the candidate
     * @return the ticket to poll
     */
    EvaluationTicket submit(Candidate candidate);

    /**
     * @param ticket a ticket from {@link #submit} (possibly from an earlier process)
     * @return the observation once finished (a failure included), empty while still running
     */
    Optional<Observation> poll(EvaluationTicket ticket);

    /**
     * A synchronous evaluator of one outcome: the function runs when the ticket is polled; an exception it
     * throws becomes a failed observation.
     *
     * @param name     the evaluator's name
     * @param outcome  the outcome's name
     * @param unit     the outcome's unit
     * @param function computes the outcome of a candidate
     * @return the evaluator
     */
    static Evaluator of(String name, String outcome, String unit, Function<Candidate, Double> function) {
        Checks.name("name", name);
        Checks.name("outcome", outcome);
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(function, "function");
        return new Evaluator() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public EvaluationTicket submit(Candidate candidate) {
                return new EvaluationTicket(candidate, candidate.id());
            }

            @Override
            public Optional<Observation> poll(EvaluationTicket ticket) {
                try {
                    double value = function.apply(ticket.candidate());
                    return Optional.of(Observation.of(ticket.candidate(), Map.of(outcome, Measurement.of(value, unit))));
                } catch (RuntimeException e) {
                    String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
                    return Optional.of(Observation.failed(ticket.candidate(),
                            reason.length() > Observation.MAX_FAILURE_LENGTH
                                    ? reason.substring(0, Observation.MAX_FAILURE_LENGTH) : reason));
                }
            }
        };
    }
}
