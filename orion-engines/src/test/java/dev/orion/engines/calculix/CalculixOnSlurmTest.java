package dev.orion.engines.calculix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.orion.engine.continuum.Constraint;
import dev.orion.engine.continuum.Elasticity;
import dev.orion.engine.continuum.Material;
import dev.orion.engine.continuum.Mesh;
import dev.orion.engine.continuum.PointStress;
import dev.orion.engine.CalculationResult;
import dev.orion.engine.FiniteElement;
import dev.orion.engine.Resources;
import dev.orion.engines.EngineRuns;
import dev.orion.engines.TestPrograms;
import dev.orion.engines.slurm.SlurmExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A CalculiX run submitted to SLURM instead of run as a local process: same deck, same result. */
class CalculixOnSlurmTest {

    @Test
    void aBarInTensionRunsAsASlurmJob() throws Exception {
        TestPrograms.require("sbatch");
        TestPrograms.require("ccx");
        SlurmExecutor slurm = SlurmExecutor.builder().polling(Duration.ofMillis(100), Duration.ofSeconds(1)).build();
        // a folder the SLURM node can see: the JVM's temp folder on this one-node cluster
        Path dir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "orion-ccx-slurm");
        FiniteElement bar = FiniteElement.builder(Mesh.block(1, 0.1, 0.1, 4, 1, 1),
                        Material.builder("steel").elasticity(Elasticity.isotropic(200e9, 0.3)).build())
                .constrain(Constraint.fixed("XMIN", 1)).constrain(Constraint.fixed("YMIN", 2))
                .constrain(Constraint.fixed("ZMIN", 3)).constrain(Constraint.displacement("XMAX", 1, 1e-3)).build();
        CalculationResult r = EngineRuns.run(CalculixEngine.builder().build(), bar, slurm, dir,
                Resources.builder().timeLimit(Duration.ofMinutes(2)).build());
        for (PointStress s : r.continuum().orElseThrow().stresses()) {
            assertThat(s.xx()).isCloseTo(200e6, within(1e-6 * 200e6));
        }
        assertThat(r.outputFiles().get("dat")).startsWith(dir);
    }
}
