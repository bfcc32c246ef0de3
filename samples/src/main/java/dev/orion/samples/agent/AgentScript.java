package dev.orion.samples.agent;

import java.util.List;
import java.util.Locale;

/**
 * A deterministic stand-in for a model steering the alloy campaign, for runs without an LLM endpoint and for
 * tests: each iteration it describes the campaign, lists the observations, asks the surrogate and the strategy,
 * submits one candidate outside the design space (which the checks refuse) and one inside it, records a rationale
 * that states a made-up best value (which the numeric-claim check overrides once observations exist), and
 * answers. It reads nothing but the iteration and its step, so every run makes the same calls.
 */
public final class AgentScript {

    /** The made-up best value the script claims in every rationale. */
    public static final String HALLUCINATED_BEST = "-0.2500";

    /** A tool call the script makes. @param id the call id @param name the tool @param argumentsJson its arguments */
    public record Call(String id, String name, String argumentsJson) {
    }

    /** What the script answers: text, tool calls, or both. @param text the text @param calls the tool calls */
    public record Reply(String text, List<Call> calls) {
    }

    private AgentScript() {
    }

    /**
     * @param iteration the campaign iteration (from the task message)
     * @param step      how many answers the script has given in this conversation
     * @return the next answer
     */
    public static Reply next(int iteration, int step) {
        String p = "i" + iteration + "s" + step + "-";
        return switch (step) {
            case 0 -> new Reply("", List.of(new Call(p + "1", "describe_campaign", "{}"),
                    new Call(p + "2", "list_observations", "{\"limit\":5,\"order\":\"BEST\"}")));
            case 1 -> new Reply("", List.of(new Call(p + "1", "predict", "{\"candidates\":[" + candidate(3.55, 12) + "]}"),
                    new Call(p + "2", "strategy_proposals", "{\"count\":2}")));
            case 2 -> new Reply("", List.of(new Call(p + "1", "submit_candidates", "{\"candidates\":["
                    + candidate(3.95, 40) + "," + candidate(a(iteration), nickels(iteration)) + "]}")));
            case 3 -> new Reply("", List.of(new Call(p + "1", "record_rationale", "{\"text\":\"Best so far: mixing_energy = "
                    + HALLUCINATED_BEST + " eV/atom. I probe a = " + String.format(Locale.ROOT, "%.3f", a(iteration))
                    + " with " + nickels(iteration) + " Ni atoms to map the Ni-rich side.\"}")));
            default -> new Reply("Iteration " + iteration + ": submitted one candidate; the strategy fills the rest.", List.of());
        };
    }

    /** @param iteration an iteration  @return the lattice parameter the script proposes in it */
    public static double a(int iteration) {
        return 3.50 + 0.015 * (iteration % 10);
    }

    /** @param iteration an iteration  @return the Ni count the script proposes in it */
    public static int nickels(int iteration) {
        return 6 + 2 * (iteration % 12);
    }

    private static String candidate(double a, int nickels) {
        return String.format(Locale.ROOT, "{\"numbers\":{\"a\":%.4f,\"ni_atoms\":%d},\"texts\":{},\"poolId\":\"\"}", a, nickels);
    }
}
