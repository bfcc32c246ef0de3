package dev.orion.samples.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orion.core.campaign.agent.AgentMode;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sample without an endpoint: the scripted loopback model drives the EAM alloy campaign through the router. */
class AgentCampaignTest {

    static final Path POTENTIALS = Path.of(System.getProperty("orion.testdata", "../testdata"), "potentials");

    @Test
    void theScriptedAgentSteersTheAlloyCampaignWithEveryClaimAndProposalChecked(@TempDir Path dir) throws Exception {
        AgentCampaign.Result r = AgentCampaign.run(dir.resolve("data"), POTENTIALS, 6, AgentMode.HYBRID, Map.of());
        assertThat(r.scripted()).isTrue();
        assertThat(r.outcome().evaluations()).isEqualTo(6);
        assertThat(r.outcome().observations()).noneMatch(o -> o.isFailure())
                .allSatisfy(o -> assertThat(o.candidate().number("a")).isBetween(3.45, 3.70));
        // the script's own candidate of each iteration was computed by the EAM engine
        assertThat(r.outcome().observations()).anySatisfy(o -> assertThat(o.candidate().number("ni_atoms")).isEqualTo(8.0));
        // its out-of-space candidate was refused in each of the 3 iterations; its made-up best corrected from the second on
        assertThat(r.refused()).isEqualTo(3);
        assertThat(r.corrected()).isGreaterThanOrEqualTo(2);
        assertThat(r.modelCalls()).isEqualTo(15);
        assertThat(r.inputTokens()).isPositive();
        assertThat(r.costUsd()).isPositive();
        assertThat(r.outcome().best().orElseThrow().value("mixing_energy").getAsDouble()).isBetween(-0.1, 0.1);
    }
}
