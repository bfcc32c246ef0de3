package dev.orion.check;

/**
 * Judges one subject (an agent's text, a proposed candidate, a structure, a calculation result) and says
 * whether it passes, with reasons. Implementations are pure and thread-safe: what they compare against (the
 * stored observations, a schema, a list of allowed elements) is given when they are built. Named {@code Check}
 * to keep it apart from the campaign's {@link dev.orion.campaign.Evaluator}, which measures candidates.
 *
 * <pre>{@code
 * Check<Composition> rules = CompositionCheck.builder().allow(Set.of(Element.of("Li"), Element.of("O"))).build();
 * Verdict v = rules.check(Composition.parse("Li2O"));   // PASS: in the allowlist and charge neutral
 * }</pre>
 *
 * @param <T> what is checked
 */
public interface Check<T> {

    /** @return a short name naming this check in verdicts and reports, e.g. {@code "composition"} */
    String name();

    /**
     * @param subject what to judge
     * @return the verdict; a check that cannot judge {@code subject} passes it with a reason saying so
     */
    Verdict check(T subject);
}
