package dev.orion.samples.data;

import dev.orion.analysis.features.CompositionFeaturizer;
import dev.orion.campaign.Candidate;
import dev.orion.campaign.CandidatePool;
import dev.orion.campaign.Goal;
import dev.orion.campaign.Observation;
import dev.orion.core.Orion;
import dev.orion.core.Stores;
import dev.orion.core.campaign.runner.CampaignOutcome;
import dev.orion.core.campaign.runner.CampaignRunner;
import dev.orion.core.campaign.runner.Evaluators;
import dev.orion.core.campaign.runner.StopCriteria;
import dev.orion.core.campaign.strategy.BayesianOptimization;
import dev.orion.data.mp.MaterialSummary;
import dev.orion.data.mp.MaterialsProjectClient;
import dev.orion.data.mp.MpRoute;
import dev.orion.data.mp.SummaryQuery;
import dev.orion.data.mp.SummaryRange;
import dev.orion.structure.Composition;
import dev.orion.structure.Element;
import dev.orion.tenant.Principal;
import dev.orion.tenant.TenantId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Seeds a closed-loop campaign with Materials Project data: the materials become a candidate pool (descriptors
 * from their formulas), their DFT band gaps become the values a lookup evaluator "measures", and Bayesian
 * optimisation searches the pool for the widest gap, as it would before spending compute on new candidates.
 *
 * <p>With {@code MP_API_KEY} set the pool is up to 200 stable oxides from the API; without it, the bundled
 * snapshot: {@code mp-snapshot.json} (Si, GaAs, NaCl, Cu, Fe) and the recorded answers in
 * {@code testdata/materials-project} (five SiO2 polymorphs, Fe, Si), read from the folder named by the system
 * property {@code orion.testdata} (default {@code testdata}). Run from the project root:
 * <pre>
 * java -cp <samples classpath> dev.orion.samples.data.MaterialsProjectCampaign [evaluations]
 * </pre>
 */
public final class MaterialsProjectCampaign {

    /** The outcome the campaign maximises. */
    static final String BAND_GAP = "band_gap";

    private MaterialsProjectCampaign() {
    }

    /**
     * @param args optional number of evaluations (default 6)
     */
    public static void main(String[] args) {
        Optional<String> key = Optional.ofNullable(System.getenv("MP_API_KEY")).filter(k -> !k.isBlank());
        List<MaterialSummary> materials = key.isPresent() ? fetch(key.get()) : snapshot(testdata());
        System.out.println((key.isPresent() ? "Materials Project" : "bundled snapshot") + ": " + materials.size() + " materials");
        CampaignOutcome outcome = run(materials, args.length > 0 ? Integer.parseInt(args[0]) : 6, 7L);
        for (Observation o : outcome.observations()) {
            System.out.printf(Locale.ROOT, "  %-10s band gap %.3f eV%n", o.candidate().id(), o.value(BAND_GAP).orElse(Double.NaN));
        }
        outcome.best().ifPresent(b -> System.out.printf(Locale.ROOT, "widest gap after %d evaluations: %s, %.3f eV%n",
                outcome.evaluations(), b.candidate().id(), b.value(BAND_GAP).getAsDouble()));
    }

    /** Stable oxides from the API, with their formulas and band gaps. */
    static List<MaterialSummary> fetch(String apiKey) {
        try (MaterialsProjectClient mp = MaterialsProjectClient.builder().apiKey(apiKey).build()) {
            return mp.searchAll(SummaryQuery.builder().elements(Element.of("O")).stable(true)
                    .min(SummaryRange.BAND_GAP, 0).fields("material_id", "formula_pretty", "band_gap").limit(200).build());
        }
    }

    /** The testdata folder: system property {@code orion.testdata}, else {@code testdata}. */
    static Path testdata() {
        return Path.of(System.getProperty("orion.testdata", "testdata"));
    }

    /**
     * The bundled snapshot and the recorded summary answers of {@code testdata/materials-project}, one entry per
     * material id (the first seen wins).
     *
     * @param testdata the testdata folder
     * @return the materials
     */
    static List<MaterialSummary> snapshot(Path testdata) {
        Map<String, MaterialSummary> byId = new LinkedHashMap<>();
        MaterialsProjectSample.snapshot().summaries().forEach(m -> byId.putIfAbsent(m.materialId(), m));
        try (Stream<Path> files = Files.list(testdata.resolve("materials-project"))) {
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith("summary-")).sorted().toList()) {
                MpRoute.SUMMARY.parse(Files.readString(f)).data().forEach(m -> byId.putIfAbsent(m.materialId(), m));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the snapshot in " + testdata.resolve("materials-project"), e);
        }
        return List.copyOf(byId.values());
    }

    /**
     * Runs the campaign in memory: every material with a formula and a band gap is a candidate.
     *
     * @param materials   the materials
     * @param evaluations how many to "measure"
     * @param seed        the strategy's seed
     * @return the outcome
     */
    static CampaignOutcome run(List<MaterialSummary> materials, int evaluations, long seed) {
        CompositionFeaturizer featurizer = CompositionFeaturizer.standard();
        List<Candidate> candidates = new ArrayList<>();
        Map<String, Double> gaps = new LinkedHashMap<>();
        for (MaterialSummary m : materials) {
            if (m.formulaPretty().isEmpty() || m.bandGap().isEmpty()) {
                continue;
            }
            Composition c = Composition.parse(m.formulaPretty().get());
            candidates.add(Candidate.pooled(m.materialId(), featurizer.featurize(c).toArray()).withComposition(c));
            gaps.put(m.materialId(), m.bandGap().getAsDouble());
        }
        CandidatePool pool = CandidatePool.of(candidates);
        try (Orion orion = Orion.builder().store(Stores.inMemory()).build()) {
            return CampaignRunner.builder(orion.tenant(TenantId.of("demo"), Principal.user("mp-campaign")))
                    .name("widest band gap among Materials Project entries").space(pool).goal(Goal.maximize(BAND_GAP))
                    .strategy(BayesianOptimization.builder().initialPoints(Math.min(3, evaluations)).build())
                    .evaluator(Evaluators.lookup(BAND_GAP, "eV", gaps))
                    .stop(StopCriteria.afterEvaluations(Math.min(evaluations, candidates.size())))
                    .seed(seed).build().run();
        }
    }
}
