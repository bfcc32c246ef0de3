package dev.orion.samples;

import dev.orion.analysis.neighbors.Neighbors;
import dev.orion.analysis.symmetry.Symmetry;
import dev.orion.campaign.Candidate;
import dev.orion.campaign.ContinuousParameter;
import dev.orion.campaign.Goal;
import dev.orion.campaign.IntegerParameter;
import dev.orion.campaign.Observation;
import dev.orion.campaign.ParameterSpace;
import dev.orion.core.Orion;
import dev.orion.core.OrionTenant;
import dev.orion.core.Stores;
import dev.orion.core.campaign.runner.CampaignOutcome;
import dev.orion.core.campaign.runner.CampaignProgress;
import dev.orion.core.campaign.runner.CampaignReport;
import dev.orion.core.campaign.runner.CampaignRunner;
import dev.orion.core.campaign.runner.JobEvaluator;
import dev.orion.core.campaign.runner.StopCriteria;
import dev.orion.core.campaign.strategy.Strategies;
import dev.orion.engine.Calculation;
import dev.orion.engine.CalculationResult;
import dev.orion.engine.JobRequest;
import dev.orion.engine.Relaxation;
import dev.orion.engines.eam.EamEngine;
import dev.orion.engines.local.LocalExecutor;
import dev.orion.io.Structures;
import dev.orion.core.plot.ChartFiles;
import dev.orion.core.plot.Plots;
import dev.orion.core.plot.RelaxationStep;
import dev.orion.samples.campaign.AlloyCampaign;
import dev.orion.store.CampaignFilter;
import dev.orion.store.CampaignRecord;
import dev.orion.store.JobRecord;
import dev.orion.store.PageRequest;
import dev.orion.store.StructureFilter;
import dev.orion.structure.Element;
import dev.orion.structure.Site;
import dev.orion.structure.Structure;
import dev.orion.structure.StructureBuilder;
import dev.orion.symmetry.SymmetryDataset;
import dev.orion.tenant.Principal;
import dev.orion.tenant.TenantId;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import org.knowm.xchart.XYChart;

/**
 * The main sample (the README's first command), what ORION is for in under a minute: it reads the bundled
 * structures and checks their symmetry, relaxes pure fcc Cu and Ni (cell and positions) with the built-in EAM
 * engine ({@code CuNi.eam.alloy}) as a batch of jobs, traces the relaxation of a rattled Cu–Ni cell, runs a short Bayesian-optimisation campaign for the Cu–Ni
 * cell of lowest mixing energy (each candidate relaxed by the engine), stored step by step in the embedded
 * database, prints the best candidate, and writes the HTML campaign report with its plots and the radial
 * distribution function of the best cell. A second run finds everything in the store and only reports.
 *
 * <pre>
 * ./mvnw -q install -DskipTests &amp;&amp; ./mvnw -q -pl samples exec:java
 * </pre>
 *
 * <p>Arguments: the output folder (default {@code target/quickstart}: the embedded database, the report) and the
 * folder holding {@code CuNi.eam.alloy} (default {@code testdata/potentials}, or {@code ../testdata/potentials}).
 */
public final class QuickStart {

    static final List<String> EXAMPLES = List.of("Cu.cif", "NaCl.cif", "Si.poscar");
    static final String CAMPAIGN = "quick start: Cu-Ni mixing energy";
    static final int EVALUATIONS = 16;
    static final int TRACE_STEPS = 15;
    private static final Duration WAIT = Duration.ofMinutes(5);

    private QuickStart() {
    }

    /**
     * @param args optional output folder and potential folder
     * @throws IOException          if a bundled structure or an output file cannot be read or written
     * @throws InterruptedException if interrupted while waiting for a job
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        long start = System.nanoTime();
        // a first run should show what ORION does, not the database migrations' INFO lines (-D... overrides)
        quietLogging("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        quietLogging("org.slf4j.simpleLogger.log.org.flywaydb", "error");
        Path out = Path.of(args.length > 0 ? args[0] : "target/quickstart");
        Path potentials = args.length > 1 ? Path.of(args[1]) : Files.isDirectory(Path.of("testdata/potentials"))
                ? Path.of("testdata/potentials") : Path.of("../testdata/potentials");
        Files.createDirectories(out);
        try (LocalExecutor local = LocalExecutor.builder().build();
             Orion orion = Orion.builder().store(Stores.embedded(out.resolve("orion-data")))
                     .engine(EamEngine.builder().potentialDir(potentials).build()).executor(local)
                     .workRoot(out.resolve("work")).build()) {
            OrionTenant demo = orion.tenant(TenantId.of("demo"), Principal.user("quickstart"));
            System.out.println("1. Read structures and check their symmetry");
            for (String name : EXAMPLES) {
                readCheckAndStore(name, demo);
            }
            System.out.println("2. Relax fcc Cu and Ni (cell and positions) with the built-in EAM engine, as jobs");
            List<CalculationResult> pure = relaxPureMetals(demo);
            double cu = pure.get(0).energyPerAtom();
            double ni = pure.get(1).energyPerAtom();
            Path reportDir = Files.createDirectories(out.resolve("report"));
            traceRelaxation(demo, reportDir);
            System.out.println("3. Bayesian optimisation: the 32-atom Cu-Ni cell of lowest mixing energy, each candidate relaxed");
            ParameterSpace space = ParameterSpace.builder().add(ContinuousParameter.of("a", 3.45, 3.70))
                    .add(IntegerParameter.of("ni_atoms", 1, AlloyCampaign.ATOMS - 1)).build();
            CampaignOutcome outcome = campaign(demo, space, cu, ni);
            Observation best = outcome.best().orElseThrow();
            Candidate c = best.candidate();
            System.out.printf(Locale.ROOT, "   best of %d evaluations (%s): a = %.3f Å, %d Ni of %d atoms, mixing energy %.4f eV/atom%n",
                    outcome.evaluations(), outcome.reason(), c.number("a"), nickels(c), AlloyCampaign.ATOMS,
                    best.value("mixing_energy").getAsDouble());
            System.out.println("4. Report");
            Path report = CampaignReport.write(demo, outcome.campaignId(), reportDir, space);
            Structure relaxed = relax(demo, AlloyCampaign.alloy(c.number("a"), nickels(c))).finalStructure().orElseThrow();
            XYChart rdf = Plots.rdf(Neighbors.rdf(relaxed, 6.0, 0.05), Neighbors.partialRdf(relaxed, AlloyCampaign.CU,
                    AlloyCampaign.NI, 6.0, 0.05));
            ChartFiles.writePng(rdf, report.resolveSibling("rdf.png"));
            ChartFiles.writeSvg(rdf, report.resolveSibling("rdf.svg"));
            System.out.println("   " + report.toAbsolutePath() + " (best.png, parity.png, relaxation.png, rdf.png beside it)");
            System.out.printf(Locale.ROOT, "done in %.1f s; the embedded database is %s%n", (System.nanoTime() - start) / 1e9,
                    out.resolve("orion-data").toAbsolutePath());
        }
    }

    private static void quietLogging(String property, String level) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, level);
        }
    }

    private static void readCheckAndStore(String name, OrionTenant demo) throws IOException {
        Structure s;
        try (InputStream in = QuickStart.class.getResourceAsStream("structures/" + name)) {
            if (in == null) {
                throw new IOException("missing resource structures/" + name);
            }
            s = Structures.read(in, name);
        }
        SymmetryDataset sym = Symmetry.of(s);
        System.out.printf(Locale.ROOT, "   %-10s %-5s %2d sites  %6.2f Å3  %5.3f g/cm3  space group %-6s (%d)%n", name,
                s.composition().reducedFormula(), s.size(), s.volume(), s.density(), sym.spaceGroupSymbol(),
                sym.spaceGroupNumber());
        String stem = name.substring(0, name.indexOf('.'));
        boolean stored = demo.structures().query(StructureFilter.all().withReducedFormula(s.composition().reducedFormula()),
                PageRequest.first(100)).items().stream().anyMatch(r -> r.name().equals(stem));
        if (!stored) { // running the sample again keeps one copy
            demo.structures().save(stem, s);
        }
    }

    private static List<CalculationResult> relaxPureMetals(OrionTenant demo) throws InterruptedException {
        List<String> jobs = new ArrayList<>();
        for (Element e : List.of(AlloyCampaign.CU, AlloyCampaign.NI)) {
            // start both from a = 3.55 Å: the engine finds each metal's own lattice parameter
            Structure start = e == AlloyCampaign.NI ? AlloyCampaign.alloy(3.55, AlloyCampaign.ATOMS) : AlloyCampaign.alloy(3.55, 0);
            jobs.add(demo.jobs().submit(JobRequest.of(Calculation.relax(start).withCell(true).with(AlloyCampaign.CUNI),
                    "orion-eam")).id());
        }
        List<JobRecord> done;
        try (ConsoleProgress progress = ConsoleProgress.create("   relaxing")) {
            done = demo.jobs().awaitAll(jobs, WAIT, progress).orElseThrow(() -> new IllegalStateException("relaxations still running"));
        }
        List<CalculationResult> results = new ArrayList<>();
        for (JobRecord j : done) {
            CalculationResult r = demo.jobs().awaitResult(j.id(), WAIT);
            Structure fin = r.finalStructure().orElseThrow();
            SymmetryDataset sym = Symmetry.of(fin, 1e-3);
            System.out.printf(Locale.ROOT, "   %-5s a = %.4f Å  %.4f eV/atom  max force %.1e eV/Å  %.0f force evaluations  still %s (%d)%n",
                    fin.composition().reducedFormula(), fin.lattice().a() / 2 /* a 2x2x2 supercell */, r.energyPerAtom(), r.maxForce(),
                    r.values().getOrDefault("force_evaluations", 0.0), sym.spaceGroupSymbol(), sym.spaceGroupNumber());
            results.add(r);
        }
        return results;
    }

    /**
     * Relaxes a rattled Cu16Ni16 cell for 0, 1, ..., {@value #TRACE_STEPS} FIRE steps, one job each (FIRE is
     * deterministic, so the k-step run is the first k steps of a longer one), and plots energy and max force.
     */
    private static void traceRelaxation(OrionTenant demo, Path reportDir) throws InterruptedException {
        Structure rattled = rattled(AlloyCampaign.alloy(3.57, AlloyCampaign.ATOMS / 2), 0.01, 7);
        List<String> jobs = new ArrayList<>();
        jobs.add(demo.jobs().submit(JobRequest.of(Calculation.singlePoint(rattled).with(AlloyCampaign.CUNI), "orion-eam")).id());
        for (int k = 1; k <= TRACE_STEPS; k++) {
            jobs.add(demo.jobs().submit(JobRequest.of(Relaxation.builder(rattled).maxSteps(k).build().with(AlloyCampaign.CUNI),
                    "orion-eam")).id());
        }
        try (ConsoleProgress progress = ConsoleProgress.create("   tracing")) {
            demo.jobs().awaitAll(jobs, WAIT, progress).orElseThrow(() -> new IllegalStateException("relaxations still running"));
        }
        List<RelaxationStep> steps = new ArrayList<>();
        for (int k = 0; k < jobs.size(); k++) {
            CalculationResult r = demo.jobs().awaitResult(jobs.get(k), WAIT);
            steps.add(new RelaxationStep(k, r.energy(), r.maxForce()));
        }
        XYChart chart = Plots.relaxation(steps);
        ChartFiles.writePng(chart, reportDir.resolve("relaxation.png"));
        ChartFiles.writeSvg(chart, reportDir.resolve("relaxation.svg"));
        RelaxationStep first = steps.get(0);
        RelaxationStep last = steps.get(steps.size() - 1);
        System.out.printf(Locale.ROOT, "   rattled CuNi cell, %d FIRE steps: energy %.4f -> %.4f eV, max force %.3f -> %.3f eV/Å%n",
                TRACE_STEPS, first.energy(), last.energy(), first.maxForce(), last.maxForce());
    }

    /** @return the structure with every site moved by up to {@code amplitude} (fractional) along each axis */
    private static Structure rattled(Structure s, double amplitude, long seed) {
        Random random = new Random(seed);
        StructureBuilder b = Structure.builder().lattice(s.lattice());
        for (int i = 0; i < s.size(); i++) {
            Site site = s.site(i);
            b.addSite(site.mainSpecies().element(), site.x() + amplitude * (2 * random.nextDouble() - 1),
                    site.y() + amplitude * (2 * random.nextDouble() - 1), site.z() + amplitude * (2 * random.nextDouble() - 1));
        }
        return b.build();
    }

    private static CampaignOutcome campaign(OrionTenant demo, ParameterSpace space, double cu, double ni) {
        JobEvaluator eam = JobEvaluator.builder(demo).name("eam-relaxed-mixing").engine("orion-eam")
                .calculation(c -> Calculation.relax(AlloyCampaign.alloy(c.number("a"), nickels(c))).with(AlloyCampaign.CUNI))
                .candidateOutcome("mixing_energy", "eV/atom", (c, r) -> AlloyCampaign.mixing(nickels(c), r, cu, ni))
                .pollWait(Duration.ofSeconds(10)).build();
        try (ConsoleProgress progress = ConsoleProgress.create("   campaign")) {
            CampaignRunner runner = CampaignRunner.builder(demo).name(CAMPAIGN).space(space)
                    .goal(Goal.minimize("mixing_energy")).strategy(Strategies.bayesian()).evaluator(eam)
                    .stop(StopCriteria.builder().maxEvaluations(EVALUATIONS).patience(6).build())
                    .batchSize(2).seed(2026).listener(CampaignProgress.to(progress, EVALUATIONS)).build();
            Optional<CampaignRecord> earlier = demo.campaigns().query(CampaignFilter.all(), PageRequest.first(100)).items()
                    .stream().filter(r -> r.name().equals(CAMPAIGN)).findFirst();
            return earlier.isPresent() ? runner.resume(earlier.get().id()) : runner.run();
        }
    }

    private static CalculationResult relax(OrionTenant demo, Structure s) throws InterruptedException {
        String job = demo.jobs().submit(JobRequest.of(Calculation.relax(s).with(AlloyCampaign.CUNI), "orion-eam")).id();
        return demo.jobs().awaitResult(job, WAIT);
    }

    private static int nickels(Candidate c) {
        return (int) Math.round(c.number("ni_atoms"));
    }
}
