package dev.orion.core.lab;

import dev.orion.campaign.Candidate;
import dev.orion.campaign.EvaluationTicket;
import dev.orion.campaign.Observation;
import dev.orion.core.campaign.runner.TracedEvaluator;
import dev.orion.lab.Instrument;
import dev.orion.lab.InstrumentException;
import dev.orion.lab.InstrumentState;
import dev.orion.lab.MeasurementRequest;
import dev.orion.store.ResourceRef;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A campaign evaluator that measures candidates on an {@link Instrument}. Each candidate's request id is
 * derived from the instrument's name and the candidate's id, so a runner that resumes after a crash submits
 * the same request again and re-attaches to the experiment already on the device instead of starting another.
 * While the device cannot be reached (a retryable {@link InstrumentException}), submissions and polls are
 * retried at the next poll; only after {@code giveUpAfter} without an answer is the error thrown (the
 * runner then marks the campaign failed, and a resume re-attaches). A refusal (a non-retryable error) becomes
 * a failed observation. Observations are linked to their experiment ({@code "experiment"}, the instrument's
 * reference) by provenance.
 *
 * <pre>{@code
 * Evaluator lab = InstrumentEvaluator.builder(new OpcUaInstrument(...)).giveUpAfter(Duration.ofHours(2)).build();
 * }</pre>
 */
public final class InstrumentEvaluator implements TracedEvaluator {

    private static final Logger LOG = LoggerFactory.getLogger(InstrumentEvaluator.class);
    private static final String PENDING = "pending:";

    private final Instrument instrument;
    private final Duration giveUpAfter;
    private final Clock clock;
    /** The instrument's reference of each request id submitted by this process. */
    private final Map<String, String> references = new ConcurrentHashMap<>();
    /** When each request (by id) first failed to reach the device in its current outage. */
    private final Map<String, Instant> unreachableSince = new ConcurrentHashMap<>();

    private InstrumentEvaluator(Builder b) {
        this.instrument = b.instrument;
        this.giveUpAfter = b.giveUpAfter;
        this.clock = b.clock;
    }

    /** @param instrument the device  @return a builder */
    public static Builder builder(Instrument instrument) {
        return new Builder(Objects.requireNonNull(instrument, "instrument"));
    }

    @Override
    public String name() {
        return instrument.name();
    }

    /**
     * @param candidate a candidate
     * @return the request id this evaluator submits it under (stable across processes)
     */
    public String requestId(Candidate candidate) {
        String text = instrument.name() + ":" + candidate.id();
        if (text.length() <= MeasurementRequest.MAX_ID_LENGTH) {
            return text;
        }
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }

    @Override
    public EvaluationTicket submit(Candidate candidate) {
        String id = requestId(candidate);
        return new EvaluationTicket(candidate, trySubmit(new MeasurementRequest(id, candidate)).orElse(PENDING + id));
    }

    private Optional<String> trySubmit(MeasurementRequest request) {
        String known = references.get(request.id());
        if (known != null) {
            return Optional.of(known);
        }
        try {
            String reference = instrument.submit(request);
            references.put(request.id(), reference);
            unreachableSince.remove(request.id());
            return Optional.of(reference);
        } catch (InstrumentException e) {
            if (!e.isRetryable()) {
                throw e;
            }
            unreachable(request.id(), e);
            return Optional.empty();
        }
    }

    @Override
    public Optional<Observation> poll(EvaluationTicket ticket) {
        String id = requestId(ticket.candidate());
        Optional<String> reference = ticket.reference().startsWith(PENDING)
                ? trySubmit(new MeasurementRequest(id, ticket.candidate())) : Optional.of(ticket.reference());
        if (reference.isEmpty()) {
            return Optional.empty();
        }
        try {
            InstrumentState state = instrument.state(reference.get());
            unreachableSince.remove(id);
            if (!state.isFinished()) {
                return Optional.empty();
            }
            return Optional.of(instrument.result(reference.get()));
        } catch (InstrumentException e) {
            if (!e.isRetryable()) {
                return Optional.of(Observation.failed(ticket.candidate(), clip(e.getMessage())));
            }
            unreachable(id, e);
            return Optional.empty();
        }
    }

    private void unreachable(String requestId, InstrumentException e) {
        Instant now = clock.instant();
        Instant since = unreachableSince.computeIfAbsent(requestId, k -> now);
        if (!now.isBefore(since.plus(giveUpAfter))) {
            unreachableSince.remove(requestId);
            throw e;
        }
        LOG.warn("instrument {} unreachable for request {} since {} (will retry): {}", instrument.name(), requestId, since,
                e.getMessage());
    }

    @Override
    public ResourceRef source(EvaluationTicket ticket) {
        String reference = ticket.reference().startsWith(PENDING)
                ? references.getOrDefault(requestId(ticket.candidate()), ticket.reference()) : ticket.reference();
        return ResourceRef.of("experiment", reference);
    }

    private static String clip(String reason) {
        return reason.length() > Observation.MAX_FAILURE_LENGTH ? reason.substring(0, Observation.MAX_FAILURE_LENGTH) : reason;
    }

    /** Collects an instrument evaluator's settings. */
    public static final class Builder {
        private final Instrument instrument;
        private Duration giveUpAfter = Duration.ofHours(1);
        private Clock clock = Clock.systemUTC();

        private Builder(Instrument instrument) {
            this.instrument = instrument;
        }

        /**
         * @param d how long the device may stay unreachable before the error is thrown (&gt; 0; default 1 h)
         * @return this builder (for chaining)
         */
        public Builder giveUpAfter(Duration d) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("giveUpAfter must be positive, got " + d);
            }
            this.giveUpAfter = d;
            return this;
        }

        /** @param c the clock outages are timed with (default UTC system clock)  @return this builder (for chaining) */
        public Builder clock(Clock c) {
            this.clock = Objects.requireNonNull(c, "clock");
            return this;
        }

        /** @return the evaluator */
        public InstrumentEvaluator build() {
            return new InstrumentEvaluator(this);
        }
    }
}
