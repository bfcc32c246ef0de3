package dev.orion.samples.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orion.core.campaign.runner.CampaignOutcome;
import dev.orion.core.campaign.runner.StopReason;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The alloy campaign runs the EAM engine in the loop on the embedded store, and a second run finds it done. */
class AlloyCampaignTest {

    static final Path POTENTIALS = Path.of(System.getProperty("orion.testdata", "../testdata"), "potentials");

    @Test
    void findsALowMixingEnergyAndASecondRunResumesTheStoredCampaign(@TempDir Path dir) throws Exception {
        CampaignOutcome first = AlloyCampaign.run(dir.resolve("data"), POTENTIALS, 14);
        assertThat(first.evaluations()).isBetween(1, 14);
        assertThat(first.observations()).noneMatch(o -> o.isFailure());
        double best = first.best().orElseThrow().value("mixing_energy").getAsDouble();
        assertThat(first.observations()).allSatisfy(o ->
                assertThat(o.value("mixing_energy").getAsDouble()).isGreaterThanOrEqualTo(best));
        // a 32-atom Cu-Ni cell near its lattice parameter mixes within a few tens of meV/atom
        assertThat(best).isBetween(-0.1, 0.1);

        assertThat(dir.resolve("data/report/report.html")).content().contains(first.campaignId(), "mixing_energy");

        CampaignOutcome again = AlloyCampaign.run(dir.resolve("data"), POTENTIALS, 14);
        assertThat(again.campaignId()).isEqualTo(first.campaignId());
        assertThat(again.observations()).isEqualTo(first.observations());
        assertThat(again.reason()).isIn(StopReason.EVALUATIONS, StopReason.NO_IMPROVEMENT);
    }
}
