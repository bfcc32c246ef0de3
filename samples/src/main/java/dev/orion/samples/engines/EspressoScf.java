package dev.orion.samples.engines;

import dev.orion.ConvergenceException;
import dev.orion.core.Orion;
import dev.orion.core.Stores;
import dev.orion.core.jobs.JobService;
import dev.orion.engine.Calculation;
import dev.orion.engine.CalculationResult;
import dev.orion.engine.DftParameters;
import dev.orion.engine.JobRequest;
import dev.orion.engines.EngineRuns;
import dev.orion.engine.Resources;
import dev.orion.engines.espresso.EspressoEngine;
import dev.orion.engines.local.LocalExecutor;
import dev.orion.structure.Element;
import dev.orion.structure.Lattice;
import dev.orion.structure.Structure;
import dev.orion.tenant.TenantId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * A silicon SCF with pw.x (Perdew-Zunger LDA, 20 Ry, 4x4x4 k-points): prints -15.83351263 Ry. Then
 * the same SCF allowed only two iterations, to show the typed {@link ConvergenceException} with
 * pw.x's own message. Needs {@code pw.x} (Debian: {@code quantum-espresso quantum-espresso-data}).
 */
public final class EspressoScf {

    private EspressoScf() {
    }

    /**
     * @param args ignored
     * @throws Exception if the SCF fails
     */
    public static void main(String[] args) throws Exception {
        Element si = Element.of("Si");
        double a = 10.2 * EspressoEngine.ANGSTROM_PER_BOHR;
        Structure diamond = Structure.builder()
                .lattice(Lattice.of(new double[][] {{-a / 2, 0, a / 2}, {0, a / 2, a / 2}, {-a / 2, a / 2, 0}}))
                .addSite(si, 0, 0, 0).addSite(si, 0.25, 0.25, 0.25).build();
        DftParameters.Builder lda = DftParameters.builder(EspressoEngine.DEBIAN_PSEUDO)
                .pseudopotential(si, "Si.pz-vbc.UPF").ecutwfc(20).kPoints(4, 4, 4);
        EspressoEngine pw = EspressoEngine.builder().build();
        // the Orion instance owns the executor and closes it; the sample uses it directly below too
        LocalExecutor local = LocalExecutor.builder().build();
        try (Orion orion = Orion.builder().store(Stores.inMemory()).engine(pw).executor(local)
                .workRoot(Files.createTempDirectory("orion-qe")).build()) {
            JobService jobs = orion.tenant(TenantId.of("demo")).jobs();
            String id = jobs.submit(JobRequest.of(Calculation.singlePoint(diamond).with(lda.build()), "espresso")).id();
            CalculationResult r = jobs.awaitResult(id, Duration.ofMinutes(5));
            // a sample program reports on the console
            System.out.printf(Locale.ROOT, "Si SCF: %.8f Ry = %.6f eV, %d SCF iterations, pressure %.3f GPa%n",
                    r.values().get("energy_ry"), r.energy(), r.convergence().iterations(),
                    r.stress().orElseThrow().pressure());
            try {
                EngineRuns.run(pw, Calculation.singlePoint(diamond).with(lda.maxScfSteps(2).build()), local,
                        Files.createTempDirectory("orion-qe-nc"), Resources.defaults());
            } catch (ConvergenceException e) {
                System.out.println("as expected: " + e.getMessage());
            }
        }
    }
}
