package dev.orion.core.campaign.runner;

import dev.orion.campaign.Observation;
import dev.orion.store.CampaignRecord;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.LongSupplier;

/**
 * A progress line for long runs: after every evaluation it prints the evaluations heard in this run against the
 * budget, the best value of the first objective so far, the elapsed time and the rate. On a terminal
 * ({@link System#console()} present) the line is rewritten in place with a carriage return; otherwise (a file, a
 * pipe, a test) each update is a plain line. On a resumed run the count starts from the evaluations of this run.
 *
 * <pre>{@code
 * CampaignRunner.builder(tenant)....listener(CampaignProgress.to(System.err, 60)).build().run();
 * }</pre>
 */
public final class CampaignProgress implements CampaignListener {

    private final PrintStream out;
    private final int budget;
    private final boolean terminal;
    private final LongSupplier nanos;
    private String outcome = "";
    private long startNanos;
    private int evaluations;
    private int width;

    CampaignProgress(PrintStream out, int budget, boolean terminal, LongSupplier nanos) {
        this.out = Objects.requireNonNull(out, "out");
        if (budget < 1) {
            throw new IllegalArgumentException("budget must be >= 1, got " + budget);
        }
        this.budget = budget;
        this.terminal = terminal;
        this.nanos = nanos;
        this.startNanos = nanos.getAsLong();
    }

    /**
     * @param out    where to print
     * @param budget the evaluation budget to show progress against (&gt;= 1)
     * @return a progress listener that rewrites one line when this JVM runs on a terminal, prints lines otherwise
     * @throws IllegalArgumentException if the budget is below 1
     */
    public static CampaignProgress to(PrintStream out, int budget) {
        return new CampaignProgress(out, budget, System.console() != null, System::nanoTime);
    }

    @Override
    public void started(CampaignRecord campaign, boolean resumed) {
        outcome = CampaignJson.read(campaign.specJson()).path("objectives").path(0).path("outcome").asText("");
        startNanos = nanos.getAsLong();
        evaluations = 0;
    }

    @Override
    public void observed(int iteration, Observation observation, Optional<String> jobId, Optional<Observation> best) {
        evaluations++;
        double seconds = Math.max(0, nanos.getAsLong() - startNanos) / 1e9;
        String bestText = best.map(b -> b.value(outcome)).filter(OptionalDouble::isPresent)
                .map(v -> String.format(Locale.ROOT, "%.6g", v.getAsDouble())).orElse("-");
        String line = String.format(Locale.ROOT, "%d/%d evaluations  best %s %s  %.1f s  %.2f eval/s", evaluations, budget,
                outcome, bestText, seconds, seconds > 0 ? evaluations / seconds : 0.0);
        if (terminal) {
            out.print("\r" + line + " ".repeat(Math.max(0, width - line.length())));
            width = line.length();
        } else {
            out.println(line);
        }
        out.flush();
    }

    @Override
    public void stopped(CampaignOutcome result) {
        if (terminal && width > 0) {
            out.println();
        }
        out.println(String.format(Locale.ROOT, "stopped (%s) after %d evaluations", result.reason(), result.evaluations()));
        out.flush();
    }
}
