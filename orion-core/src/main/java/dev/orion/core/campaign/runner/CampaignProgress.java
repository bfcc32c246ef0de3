package dev.orion.core.campaign.runner;

import dev.orion.campaign.Observation;
import dev.orion.progress.Progress;
import dev.orion.progress.ProgressListener;
import dev.orion.store.CampaignRecord;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Turns a campaign run into {@link Progress}: {@code (0, budget, "campaign <name>")} when it starts, after every
 * evaluation the evaluations heard in this run against the budget with the best value of the first objective so
 * far ({@code "best gap 0.512"}), and when it stops {@code (n, n, "stopped (REASON) ...")} with {@code n} the
 * evaluations of this run, so a bar ends full however the campaign ended. A resumed run counts from zero.
 *
 * <pre>{@code
 * CampaignRunner.builder(tenant)....listener(CampaignProgress.to(progressBar, 60)).build().run();
 * }</pre>
 */
public final class CampaignProgress implements CampaignListener {

    private final ProgressListener listener;
    private final int budget;
    private String outcome = "";
    private int evaluations;

    private CampaignProgress(ProgressListener listener, int budget) {
        this.listener = Objects.requireNonNull(listener, "listener");
        if (budget < 1) {
            throw new IllegalArgumentException("budget must be >= 1, got " + budget);
        }
        this.budget = budget;
    }

    /**
     * @param listener hears the campaign's progress
     * @param budget   the evaluation budget to show progress against (&gt;= 1)
     * @return a campaign listener reporting to {@code listener}
     * @throws IllegalArgumentException if the budget is below 1
     */
    public static CampaignProgress to(ProgressListener listener, int budget) {
        return new CampaignProgress(listener, budget);
    }

    @Override
    public void started(CampaignRecord campaign, boolean resumed) {
        outcome = CampaignJson.read(campaign.specJson()).path("objectives").path(0).path("outcome").asText("");
        evaluations = 0;
        listener.progressed(new Progress(0, budget, "campaign " + campaign.name()));
    }

    @Override
    public void observed(int iteration, Observation observation, Optional<String> jobId, Optional<Observation> best) {
        evaluations++;
        String bestText = best.map(b -> b.value(outcome)).filter(OptionalDouble::isPresent)
                .map(v -> String.format(Locale.ROOT, "%.6g", v.getAsDouble())).orElse("-");
        listener.progressed(new Progress(Math.min(evaluations, budget), budget, "best " + outcome + " " + bestText));
    }

    @Override
    public void stopped(CampaignOutcome result) {
        listener.progressed(new Progress(evaluations, evaluations,
                "stopped (" + result.reason() + ") after " + result.evaluations() + " evaluations"));
    }
}
