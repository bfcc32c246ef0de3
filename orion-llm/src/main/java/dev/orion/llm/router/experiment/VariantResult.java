package dev.orion.llm.router.experiment;

import java.util.OptionalDouble;

/**
 * The figures of one arm, with 95% confidence intervals and p-values against the control.
 *
 * @param variant          the arm
 * @param calls            outcomes recorded
 * @param successes        successful calls
 * @param successRate      successes / calls
 * @param successLow       Wilson 95% interval, low end
 * @param successHigh      Wilson 95% interval, high end
 * @param meanLatencyMs    mean latency
 * @param meanCostUsd      mean cost
 * @param scores           user scores recorded
 * @param meanScore        mean score (NaN without scores)
 * @param scoreLow         95% interval of the mean score, low end
 * @param scoreHigh        95% interval of the mean score, high end
 * @param pSuccess         two-proportion z-test p-value against the control (empty for the control)
 * @param pScore           Welch test p-value of the mean score against the control (empty when not computable)
 */
public record VariantResult(String variant, long calls, long successes, double successRate, double successLow,
                            double successHigh, double meanLatencyMs, double meanCostUsd, long scores, double meanScore,
                            double scoreLow, double scoreHigh, OptionalDouble pSuccess, OptionalDouble pScore) {
}
