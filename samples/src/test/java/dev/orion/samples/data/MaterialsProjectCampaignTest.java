package dev.orion.samples.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orion.campaign.Observation;
import dev.orion.core.campaign.runner.CampaignOutcome;
import dev.orion.data.mp.MaterialSummary;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The campaign over the bundled Materials Project snapshot: the pool, the looked-up values, the best found. */
class MaterialsProjectCampaignTest {

    @Test
    void searchesTheSnapshotPoolAndFindsTheWidestGapWhenAllowedToEvaluateAll() {
        List<MaterialSummary> materials = MaterialsProjectCampaign.snapshot(MaterialsProjectCampaign.testdata());
        assertThat(materials).extracting(MaterialSummary::materialId)
                .contains("mp-22862", "mp-2534", "mp-6930", "mp-7000", "mp-639").doesNotHaveDuplicates();
        Map<String, Double> gaps = materials.stream().filter(m -> m.bandGap().isPresent())
                .collect(Collectors.toMap(MaterialSummary::materialId, m -> m.bandGap().getAsDouble()));

        CampaignOutcome partial = MaterialsProjectCampaign.run(materials, 6, 7L);
        assertThat(partial.evaluations()).isEqualTo(6);
        for (Observation o : partial.observations()) {
            assertThat(o.value(MaterialsProjectCampaign.BAND_GAP).getAsDouble()).isEqualTo(gaps.get(o.candidate().id()));
        }
        double bestSeen = partial.observations().stream()
                .mapToDouble(o -> o.value(MaterialsProjectCampaign.BAND_GAP).getAsDouble()).max().orElseThrow();
        assertThat(partial.best().orElseThrow().value(MaterialsProjectCampaign.BAND_GAP).getAsDouble()).isEqualTo(bestSeen);

        CampaignOutcome all = MaterialsProjectCampaign.run(materials, 100, 7L);
        assertThat(all.evaluations()).isEqualTo(gaps.size());
        assertThat(all.best().orElseThrow().candidate().id()).isEqualTo("mp-7000"); // SiO2, 5.7082 eV
    }
}
