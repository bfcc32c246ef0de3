package dev.orion.samples.campaign;

import dev.orion.campaign.Candidate;
import dev.orion.campaign.ContinuousParameter;
import dev.orion.campaign.Goal;
import dev.orion.campaign.IntegerParameter;
import dev.orion.campaign.Observation;
import dev.orion.campaign.ParameterSpace;
import dev.orion.core.Orion;
import dev.orion.core.OrionTenant;
import dev.orion.core.Stores;
import dev.orion.core.campaign.runner.CampaignListener;
import dev.orion.core.campaign.runner.CampaignOutcome;
import dev.orion.core.campaign.runner.CampaignReport;
import dev.orion.core.campaign.runner.CampaignProgress;
import dev.orion.core.campaign.runner.CampaignRunner;
import dev.orion.core.campaign.runner.JobEvaluator;
import dev.orion.core.campaign.runner.StopCriteria;
import dev.orion.core.campaign.strategy.Strategies;
import dev.orion.engine.Calculation;
import dev.orion.samples.ConsoleProgress;
import dev.orion.engine.CalculationResult;
import dev.orion.engine.JobRequest;
import dev.orion.engine.Potential;
import dev.orion.engines.eam.EamEngine;
import dev.orion.engines.local.LocalExecutor;
import dev.orion.store.CampaignFilter;
import dev.orion.store.CampaignRecord;
import dev.orion.store.CampaignStatus;
import dev.orion.store.PageRequest;
import dev.orion.structure.Element;
import dev.orion.structure.Lattice;
import dev.orion.structure.Structure;
import dev.orion.structure.StructureBuilder;
import dev.orion.tenant.Principal;
import dev.orion.tenant.TenantId;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * A Bayesian-optimisation campaign with a real simulation in the loop: the Ni content and lattice parameter of
 * a 32-atom fcc Cu–Ni cell with the lowest mixing energy, each candidate computed by the built-in EAM engine
 * ({@code CuNi.eam.alloy}) as a job, on the embedded store. Run it twice: the second run finds the campaign
 * completed in the store; a run killed half-way resumes where it stopped.
 *
 * <p>Run: {@code ./mvnw -q -pl samples -am package -DskipTests} and then
 * {@code java -cp "samples/target/classes:$(cat samples/target/cp.txt)" dev.orion.samples.campaign.AlloyCampaign}
 * from the project root (arguments: data folder, default {@code orion-data}; potential folder, default
 * {@code testdata/potentials}).
 */
public final class AlloyCampaign {

    /** Copper. */
    public static final Element CU = Element.of("Cu");
    /** Nickel. */
    public static final Element NI = Element.of("Ni");
    static final int CELLS = 2;
    /** Atoms in the cell: a 2x2x2 fcc supercell. */
    public static final int ATOMS = 4 * CELLS * CELLS * CELLS;
    /** The Cu-Ni EAM potential (found in the engine's potential folder). */
    public static final Potential CUNI = Potential.eamAlloy(Path.of("CuNi.eam.alloy"), CU, NI);
    static final String NAME = "Cu-Ni mixing energy";

    private AlloyCampaign() {
    }

    /**
     * @param a       the cubic lattice parameter in Å
     * @param nickels how many of the 32 sites hold Ni (the same sites for the same count: a fixed shuffle)
     * @return the cell
     */
    public static Structure alloy(double a, int nickels) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < ATOMS; i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(42));
        boolean[] nickel = new boolean[ATOMS];
        for (int i = 0; i < nickels; i++) {
            nickel[order.get(i)] = true;
        }
        double[][] fcc = {{0, 0, 0}, {0.5, 0.5, 0}, {0.5, 0, 0.5}, {0, 0.5, 0.5}};
        StructureBuilder b = Structure.builder().lattice(Lattice.cubic(a * CELLS));
        int site = 0;
        for (int x = 0; x < CELLS; x++) {
            for (int y = 0; y < CELLS; y++) {
                for (int z = 0; z < CELLS; z++) {
                    for (double[] p : fcc) {
                        b.addSite(nickel[site++] ? NI : CU, (x + p[0]) / CELLS, (y + p[1]) / CELLS, (z + p[2]) / CELLS);
                    }
                }
            }
        }
        return b.build();
    }

    /** @return energy per atom of the pure metal at its lattice parameter, computed as a job */
    public static double reference(OrionTenant tenant, Element element, double a) throws InterruptedException {
        Structure pure = alloy(a, element == NI ? ATOMS : 0);
        String job = tenant.jobs().submit(JobRequest.of(Calculation.singlePoint(pure).with(CUNI), "orion-eam")).id();
        return tenant.jobs().awaitResult(job, Duration.ofMinutes(5)).energyPerAtom();
    }

    /**
     * Runs (or resumes) the campaign.
     *
     * @param dataDir      the embedded store's folder
     * @param potentialDir the folder holding {@code CuNi.eam.alloy}
     * @param evaluations  the evaluation budget
     * @return how it ended
     * @throws InterruptedException if interrupted while computing the references
     */
    static CampaignOutcome run(Path dataDir, Path potentialDir, int evaluations) throws InterruptedException {
        try (LocalExecutor local = LocalExecutor.builder().build();
             Orion orion = Orion.builder().store(Stores.embedded(dataDir))
                     .engine(EamEngine.builder().potentialDir(potentialDir).build()).executor(local)
                     .workRoot(dataDir.resolve("work")).build()) {
            OrionTenant demo = orion.tenant(TenantId.of("demo"), Principal.user("sample"));
            // pure fcc Cu and Ni at the potential's lattice parameters
            double cu = reference(demo, CU, 3.615);
            double ni = reference(demo, NI, 3.52);
            JobEvaluator eam = JobEvaluator.builder(demo).name("eam-mixing").engine("orion-eam")
                    .calculation(c -> Calculation.singlePoint(alloy(c.number("a"), nickels(c))).with(CUNI))
                    .candidateOutcome("mixing_energy", "eV/atom", (c, r) -> mixing(nickels(c), r, cu, ni))
                    .pollWait(Duration.ofSeconds(10)).build();
            ParameterSpace space = ParameterSpace.builder().add(ContinuousParameter.of("a", 3.45, 3.70))
                    .add(IntegerParameter.of("ni_atoms", 1, ATOMS - 1)).build();
            CampaignRunner runner = CampaignRunner.builder(demo).name(NAME).space(space)
                    .goal(Goal.minimize("mixing_energy")).strategy(Strategies.bayesian()).evaluator(eam)
                    .stop(StopCriteria.builder().maxEvaluations(evaluations).patience(6).build())
                    .batchSize(2).seed(2026)
                    .listener(System.console() != null ? CampaignProgress.to(ConsoleProgress.create("campaign"), evaluations) : progress()).build();
            Optional<CampaignRecord> earlier = demo.campaigns().query(CampaignFilter.all(), PageRequest.first(100)).items()
                    .stream().filter(c -> c.name().equals(NAME)).findFirst();
            CampaignOutcome outcome = earlier.isPresent() ? runner.resume(earlier.get().id()) : runner.run();
            Observation best = outcome.best().orElseThrow();
            System.out.printf("stopped (%s) after %d evaluations; lowest mixing energy %.4f eV/atom at a = %.3f Å with"
                            + " %d Ni of %d atoms%n", outcome.reason(), outcome.evaluations(),
                    best.value("mixing_energy").getAsDouble(), best.candidate().number("a"), nickels(best.candidate()), ATOMS);
            // the model registry keeps every surrogate the campaign fitted, versioned, with its cross-validated error
            demo.models().latest(CampaignRunner.modelName(outcome.campaignId())).ifPresent(m -> System.out.printf(
                    "surrogate: version %d (%s) fitted on %d points, leave-one-out RMSE %s eV/atom%n", m.version(),
                    m.state().kind(), m.state().trainingSize(), m.state().crossValidatedRmse().isPresent()
                            ? String.format("%.4f", m.state().crossValidatedRmse().getAsDouble()) : "-"));
            Path report = CampaignReport.write(demo, outcome.campaignId(), dataDir.resolve("report"), space);
            System.out.println("report: " + report.toAbsolutePath());
            System.out.println("campaign " + outcome.campaignId() + " is " + demo.campaigns().find(outcome.campaignId())
                    .map(CampaignRecord::status).orElse(CampaignStatus.FAILED) + " in " + dataDir.toAbsolutePath());
            return outcome;
        }
    }

    /** @param c a candidate of the campaign  @return its number of Ni atoms */
    public static int nickels(Candidate c) {
        return (int) Math.round(c.number("ni_atoms"));
    }

    /**
     * @param nickels Ni atoms in the cell
     * @param r       the cell's result
     * @param cu      energy per atom of pure Cu
     * @param ni      energy per atom of pure Ni
     * @return energy per atom minus the composition-weighted energies per atom of the pure metals
     */
    public static double mixing(int nickels, CalculationResult r, double cu, double ni) {
        double x = (double) nickels / r.atoms();
        return r.energyPerAtom() - (1 - x) * cu - x * ni;
    }

    static CampaignListener progress() {
        return new CampaignListener() {
            @Override
            public void observed(int iteration, Observation o, Optional<String> jobId, Optional<Observation> best) {
                System.out.printf("iteration %2d  a = %.3f Å  Ni %2d/%d  %s  best %s%n", iteration, o.candidate().number("a"),
                        nickels(o.candidate()), ATOMS,
                        o.isFailure() ? "failed: " + o.failure().orElseThrow()
                                : String.format("%.4f eV/atom", o.value("mixing_energy").getAsDouble()),
                        best.map(b -> String.format("%.4f", b.value("mixing_energy").getAsDouble())).orElse("-"));
            }
        };
    }

    public static void main(String[] args) throws InterruptedException {
        run(Path.of(args.length > 0 ? args[0] : "orion-data"), Path.of(args.length > 1 ? args[1] : "testdata/potentials"),
                24);
    }
}
