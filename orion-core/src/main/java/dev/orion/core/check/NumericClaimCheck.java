package dev.orion.core.check;

import dev.orion.campaign.Goal;
import dev.orion.campaign.Objective;
import dev.orion.campaign.Observation;
import dev.orion.check.Check;
import dev.orion.check.Grade;
import dev.orion.check.Verdict;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks the numbers an agent states about a campaign's outcomes against the stored observations, as LLaMP
 * checks every number against its database. A claim is an outcome's name (as written in the goal, or with
 * spaces for underscores) followed within a few words, or after {@code =} or {@code :}, by a number:
 * "mixing_energy of -0.052 eV/atom", "mixing energy = -0.052". When the same sentence names an observed
 * candidate by its id, the claim is compared with that candidate's value; otherwise with every stored value
 * of the outcome. A claim matches when it equals the stored value rounded to the digits it was written with.
 * {@link #correct} overrides each mismatch with the stored value (the candidate's; else, when the line speaks
 * of the best, the best; else the nearest) and flags it in place.
 *
 * <pre>{@code
 * CheckedText checked = NumericClaimCheck.against(observations, goal).correct(answer.text());
 * if (checked.corrected()) { show(checked.text()); }   // the stored numbers, flagged
 * }</pre>
 */
public final class NumericClaimCheck implements Check<String> {

    private static final String NUMBER = "(?<num>[-+]?\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?)";
    private static final Pattern SUPERLATIVE = Pattern.compile(
            "(?i)\\b(best|lowest|highest|minimum|maximum|smallest|largest|most|least|optimum|optimal)\\b");
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?]\\s|\\n");
    private final Map<String, Pattern> patterns = new LinkedHashMap<>();
    private final List<Observation> observations;
    private final Goal goal;

    private NumericClaimCheck(List<Observation> observations, Goal goal) {
        this.observations = List.copyOf(observations);
        this.goal = goal;
        List<String> outcomes = new ArrayList<>();
        goal.objectives().forEach(o -> outcomes.add(o.outcome()));
        observations.forEach(o -> o.outcomes().keySet().stream().filter(k -> !outcomes.contains(k)).forEach(outcomes::add));
        for (String outcome : outcomes) {
            String name = Pattern.quote(outcome) + (outcome.contains("_") ? "|" + Pattern.quote(outcome.replace('_', ' ')) : "");
            patterns.put(outcome, Pattern.compile("(?i)(?<![\\w])(?:" + name + ")(?![\\w])(?:\\s*[=:]\\s*|[^.;\\n\\d=:]{0,40}?)"
                    + NUMBER));
        }
    }

    /**
     * @param observations the stored observations (failed ones are ignored)
     * @param goal         the campaign's goal, which says what "best" means
     * @return the check
     */
    public static NumericClaimCheck against(List<Observation> observations, Goal goal) {
        return new NumericClaimCheck(Objects.requireNonNull(observations, "observations"), Objects.requireNonNull(goal, "goal"));
    }

    @Override
    public String name() {
        return "numeric-claims";
    }

    @Override
    public Verdict check(String text) {
        return correct(text).verdict();
    }

    /**
     * @param text an agent's text
     * @return the text with every contradicted number overridden and flagged, the verdict and the claims
     */
    public CheckedText correct(String text) {
        Objects.requireNonNull(text, "text");
        record Found(int start, int end, NumericClaim claim, String replacement) {
        }
        List<Found> found = new ArrayList<>();
        for (Map.Entry<String, Pattern> p : patterns.entrySet()) {
            Matcher m = p.getValue().matcher(text);
            while (m.find()) {
                int start = m.start("num");
                if (found.stream().anyMatch(f -> f.start() == start)) {
                    continue;
                }
                String claimed = m.group("num");
                String line = lineAround(text, start);
                Optional<Observation> named = namedCandidate(text, start);
                OptionalDouble stored = named.map(o -> value(o, p.getKey())).orElse(OptionalDouble.empty());
                double value = Double.parseDouble(claimed);
                double tolerance = tolerance(claimed);
                boolean matches;
                if (named.isPresent() && stored.isPresent()) {
                    matches = Math.abs(value - stored.getAsDouble()) <= tolerance;
                } else {
                    List<Double> all = values(p.getKey());
                    matches = all.stream().anyMatch(v -> Math.abs(value - v) <= tolerance);
                    if (matches) {
                        stored = OptionalDouble.of(all.stream().min(Comparator.comparingDouble(v -> Math.abs(v - value))).get());
                    } else if (!all.isEmpty()) {
                        stored = OptionalDouble.of(SUPERLATIVE.matcher(line).find() ? best(p.getKey(), all)
                                : all.stream().min(Comparator.comparingDouble(v -> Math.abs(v - value))).get());
                    }
                }
                NumericClaim claim = new NumericClaim(p.getKey(), claimed, stored, named.map(o -> o.candidate().id()), matches);
                String replacement = matches || stored.isEmpty() ? claimed
                        : format(stored.getAsDouble(), claimed) + " [corrected: the agent said " + claimed + "]";
                found.add(new Found(start, m.end("num"), claim, replacement));
            }
        }
        found.sort(Comparator.comparingInt(Found::start));
        StringBuilder out = new StringBuilder();
        List<String> failures = new ArrayList<>();
        List<String> unbacked = new ArrayList<>();
        int at = 0;
        for (Found f : found) {
            out.append(text, at, f.start()).append(f.replacement());
            at = f.end();
            NumericClaim c = f.claim();
            if (c.stored().isEmpty()) {
                unbacked.add("no stored observation backs the claim " + c.outcome() + " = " + c.claimed());
            } else if (!c.matches()) {
                failures.add(String.format(Locale.ROOT, "claimed %s = %s%s, but the store holds %s; overridden", c.outcome(),
                        c.claimed(), c.candidateId().map(id -> " for " + id).orElse(""), format(c.stored().getAsDouble(), c.claimed())));
            }
        }
        out.append(text, at, text.length());
        Verdict verdict = !failures.isEmpty() ? new Verdict(name(), Grade.FAIL, concat(failures, unbacked))
                : !unbacked.isEmpty() ? new Verdict(name(), Grade.WARN, unbacked) : Verdict.pass(name());
        return new CheckedText(text, out.toString(), verdict, found.stream().map(Found::claim).toList());
    }

    private Optional<Observation> namedCandidate(String text, int claimAt) {
        Observation nearest = null;
        int distance = Integer.MAX_VALUE;
        for (Observation o : observations) {
            String id = o.candidate().id();
            for (int i = text.indexOf(id); i >= 0; i = text.indexOf(id, i + 1)) {
                int d = Math.abs(i - claimAt);
                if (d < distance && sameSentence(text, i, claimAt)) {
                    distance = d;
                    nearest = o;
                }
            }
        }
        return Optional.ofNullable(nearest);
    }

    /** Ids hold dots ("a=3.55"), so a sentence ends at a full stop followed by white space, or a line break. */
    private static boolean sameSentence(String text, int a, int b) {
        return !SENTENCE_END.matcher(text.substring(Math.min(a, b), Math.max(a, b))).find();
    }

    private static String lineAround(String text, int at) {
        int start = text.lastIndexOf('\n', at) + 1;
        int end = text.indexOf('\n', at);
        return text.substring(start, end < 0 ? text.length() : end);
    }

    private static OptionalDouble value(Observation o, String outcome) {
        return o.isFailure() ? OptionalDouble.empty() : o.value(outcome);
    }

    private List<Double> values(String outcome) {
        List<Double> out = new ArrayList<>();
        observations.forEach(o -> value(o, outcome).ifPresent(out::add));
        return out;
    }

    private double best(String outcome, List<Double> all) {
        Optional<Objective> objective = goal.objectives().stream().filter(o -> o.outcome().equals(outcome)).findFirst();
        return objective.map(o -> all.stream().min(Comparator.comparingDouble(o::toMinimized)).get())
                .orElseGet(() -> all.stream().min(Comparator.naturalOrder()).get());
    }

    /** Half a unit in the last digit written: "-0.052" matches anything that rounds to it. */
    private static double tolerance(String claimed) {
        BigDecimal d = new BigDecimal(claimed);
        return 0.5 * Math.pow(10, -d.scale()) * (1 + 1e-9) + 1e-12;
    }

    private static String format(double stored, String claimed) {
        int scale = Math.max(new BigDecimal(claimed).scale(), 4);
        return BigDecimal.valueOf(stored).setScale(scale, RoundingMode.HALF_UP).toPlainString();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
