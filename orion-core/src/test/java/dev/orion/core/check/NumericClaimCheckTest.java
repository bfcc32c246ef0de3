package dev.orion.core.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orion.campaign.Candidate;
import dev.orion.campaign.Goal;
import dev.orion.campaign.Observation;
import dev.orion.campaign.ParameterValue;
import dev.orion.check.Grade;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NumericClaimCheckTest {

    private static Observation obs(double a, long ni, double e) {
        return Observation.of(Candidate.of(Map.of("a", ParameterValue.real(a), "ni_atoms", ParameterValue.integer(ni))),
                "mixing_energy", e);
    }

    private static final List<Observation> STORED = List.of(obs(3.55, 12, -0.05213), obs(3.60, 4, -0.0311), obs(3.50, 20, 0.0125),
            Observation.failed(Candidate.of(Map.of("a", ParameterValue.real(3.45), "ni_atoms", ParameterValue.integer(1))), "crashed"));
    private static final NumericClaimCheck CHECK = NumericClaimCheck.against(STORED, Goal.minimize("mixing_energy"));

    @Test
    void claimsThatRoundToTheStoredValuesPass() {
        String id = STORED.get(1).candidate().id();
        CheckedText t = CHECK.correct("The best mixing energy so far is -0.052 eV/atom. Candidate " + id
                + " has mixing_energy = -0.0311, and 0.0125 was the worst.");
        assertThat(t.verdict().grade()).isEqualTo(Grade.PASS);
        assertThat(t.corrected()).isFalse();
        assertThat(t.claims()).extracting(NumericClaim::claimed).containsExactly("-0.052", "-0.0311");
        assertThat(t.claims().get(1).candidateId()).contains(id);
    }

    @Test
    void aHallucinatedNumberIsOverriddenWithTheStoredOneAndFlagged() {
        CheckedText t = CHECK.correct("The lowest mixing energy found is -0.090 eV/atom, a clear improvement.");
        assertThat(t.verdict().grade()).isEqualTo(Grade.FAIL);
        assertThat(t.text()).isEqualTo("The lowest mixing energy found is -0.0521 [corrected: the agent said -0.090] eV/atom,"
                + " a clear improvement.");
        assertThat(t.verdict().reasons()).singleElement().asString().contains("-0.090").contains("-0.0521");
    }

    @Test
    void aClaimAboutANamedCandidateIsComparedWithThatCandidate() {
        String id = STORED.get(0).candidate().id();
        // -0.0311 is stored, but for another candidate
        CheckedText t = CHECK.correct("For " + id + " the mixing_energy: -0.0311 eV/atom.");
        assertThat(t.verdict().grade()).isEqualTo(Grade.FAIL);
        assertThat(t.text()).contains("-0.0521 [corrected: the agent said -0.0311]");
        assertThat(t.claims()).singleElement().satisfies(c -> assertThat(c.candidateId()).contains(id));
    }

    @Test
    void aClaimWithNothingStoredIsAWarningAndNumbersInIdsAreNotClaims() {
        NumericClaimCheck empty = NumericClaimCheck.against(List.of(), Goal.minimize("mixing_energy"));
        CheckedText t = empty.correct("I expect a mixing energy near -0.07.");
        assertThat(t.verdict().grade()).isEqualTo(Grade.WARN);
        assertThat(t.text()).isEqualTo(t.original());
        assertThat(CHECK.correct("The mixing energy of candidate a=3.55;ni_atoms=12 looks promising.").claims()).isEmpty();
    }
}
