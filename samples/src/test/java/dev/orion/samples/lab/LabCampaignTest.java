package dev.orion.samples.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orion.store.OrchestratorStats;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lab sample: the orchestrator advances once per finished experiment, failures are reviewed and fed back. */
class LabCampaignTest {

    @TempDir
    Path dir;

    @Test
    void theLabRunsFourRoundsAndReviewsItsFailures() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        OrchestratorStats stats = LabCampaign.run(dir.resolve("data"), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(stats.runs()).isEqualTo(LabCampaign.ROUNDS);
        assertThat(stats.succeeded()).isEqualTo(LabCampaign.ROUNDS);
        assertThat(stats.iterations()).isEqualTo(LabCampaign.ROUNDS);
        assertThat(stats.evaluations()).isEqualTo(LabCampaign.ROUNDS * LabCampaign.BATCH);
        assertThat(out).contains("4 initial measurements").contains("round 4: run SUCCEEDED (experiment)")
                .contains("failed samples measured by hand and fed back").contains("orchestrator: 4 runs, 4 iterations");
        assertThat(out).containsPattern("best: .* -> \\d+\\.\\d\\d ohm/sq");
    }
}
