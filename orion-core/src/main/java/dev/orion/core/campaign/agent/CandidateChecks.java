package dev.orion.core.campaign.agent;

import dev.orion.campaign.Candidate;
import dev.orion.check.Check;
import dev.orion.check.Verdict;
import java.util.Objects;
import java.util.function.Function;

/**
 * Applies a check of a structure, a composition or anything else derived from a candidate to the candidate
 * itself, so a {@link CampaignAgent} can refuse a candidate whose structure would be nonsense before any job is
 * submitted. A candidate whose derived value cannot even be built fails, with the error as the reason.
 *
 * <pre>{@code
 * CampaignAgent.builder(tenant).check(CandidateChecks.of(c -> alloy(c.number("a"), nickels(c)), StructureCheck.defaults()))
 * }</pre>
 */
public final class CandidateChecks {

    private CandidateChecks() {
    }

    /**
     * @param derive builds what is checked from a candidate (e.g. its structure)
     * @param check  the check of what was built
     * @param <T>    what is checked
     * @return a check of candidates with the same name
     */
    public static <T> Check<Candidate> of(Function<Candidate, ? extends T> derive, Check<T> check) {
        Objects.requireNonNull(derive, "derive");
        Objects.requireNonNull(check, "check");
        return new Check<>() {
            @Override
            public String name() {
                return check.name();
            }

            @Override
            public Verdict check(Candidate c) {
                T value;
                try {
                    value = derive.apply(c);
                } catch (RuntimeException e) {
                    return Verdict.fail(check.name(), "candidate " + c.id() + " cannot be built: " + e.getMessage());
                }
                return check.check(value);
            }
        };
    }
}
