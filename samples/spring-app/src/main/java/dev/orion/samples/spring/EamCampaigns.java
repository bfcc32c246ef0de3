package dev.orion.samples.spring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orion.campaign.ContinuousParameter;
import dev.orion.campaign.Goal;
import dev.orion.campaign.ParameterSpace;
import dev.orion.campaign.Strategy;
import dev.orion.core.OrionTenant;
import dev.orion.core.campaign.runner.CampaignListener;
import dev.orion.core.campaign.runner.CampaignRunner;
import dev.orion.core.campaign.runner.JobEvaluator;
import dev.orion.core.campaign.runner.StopCriteria;
import dev.orion.core.campaign.strategy.Strategies;
import dev.orion.engine.Calculation;
import dev.orion.engine.CalculationResult;
import dev.orion.engine.Potential;
import dev.orion.store.CampaignRecord;
import dev.orion.structure.Element;
import dev.orion.structure.Lattice;
import dev.orion.structure.Structure;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The campaigns this application runs: the lattice parameter of fcc copper or nickel with the lowest energy
 * per atom, each candidate an EAM single-point job ({@code CuNi.eam.alloy}) of the tenant's job service. A
 * campaign is defined by its element, strategy, batch size and seed, all of which the runner keeps in the
 * stored campaign's spec, so a stored campaign can be advanced (resumed with a larger budget) from the store
 * alone.
 */
final class EamCampaigns {

    static final String OUTCOME = "energy_per_atom";
    private static final Potential CUNI = Potential.eamAlloy(Path.of("CuNi.eam.alloy"), Element.of("Cu"), Element.of("Ni"));
    private static final String EVALUATOR_PREFIX = "eam-fcc-";
    /** The lattice-parameter ranges searched, around each metal's experimental value (Cu 3.615 Å, Ni 3.524 Å). */
    private static final Map<String, double[]> RANGES = Map.of("Cu", new double[] {3.40, 3.85}, "Ni", new double[] {3.30, 3.75});
    private static final Map<String, Supplier<Strategy>> STRATEGIES = Map.of(
            "bayesian", Strategies::bayesian, "sobol", Strategies::sobol, "random", Strategies::random,
            "latin-hypercube", Strategies::latinHypercube);
    private static final ObjectMapper JSON = new ObjectMapper();

    private EamCampaigns() {
    }

    /**
     * What defines a campaign.
     *
     * @param element   {@code Cu} or {@code Ni}
     * @param strategy  {@code bayesian}, {@code sobol}, {@code random} or {@code latin-hypercube}
     * @param batchSize candidates per iteration, 1 to 8
     * @param seed      the strategy's seed
     */
    record Definition(String element, String strategy, int batchSize, long seed) {
        Definition {
            if (!RANGES.containsKey(element)) {
                throw new IllegalArgumentException("element must be one of " + RANGES.keySet() + ", was '" + element + "'");
            }
            if (!STRATEGIES.containsKey(strategy)) {
                throw new IllegalArgumentException("strategy must be one of " + STRATEGIES.keySet() + ", was '" + strategy + "'");
            }
            if (batchSize < 1 || batchSize > 8) {
                throw new IllegalArgumentException("batchSize must be 1..8, was " + batchSize);
            }
        }
    }

    /**
     * @param tenant      whose job service evaluates
     * @param name        the campaign's name
     * @param d           its definition
     * @param evaluations the total evaluations (over the campaign's life) to stop at
     * @param listener    told of the run's progress (the starter's campaign metrics)
     * @return the runner
     */
    static CampaignRunner runner(OrionTenant tenant, String name, Definition d, int evaluations, CampaignListener listener) {
        Element element = Element.of(d.element());
        JobEvaluator evaluator = JobEvaluator.builder(tenant).name(EVALUATOR_PREFIX + d.element()).engine("orion-eam")
                .calculation(c -> Calculation.singlePoint(fcc(element, c.number("a"))).with(CUNI))
                .outcome(OUTCOME, "eV/atom", CalculationResult::energyPerAtom)
                .pollWait(Duration.ofMillis(200)).build();
        return CampaignRunner.builder(tenant).name(name)
                .space(space(d.element())).goal(Goal.minimize(OUTCOME)).strategy(STRATEGIES.get(d.strategy()).get())
                .evaluator(evaluator).stop(StopCriteria.afterEvaluations(evaluations))
                .batchSize(d.batchSize()).seed(d.seed()).listener(listener).build();
    }

    /** @param element {@code Cu} or {@code Ni} @return the one-parameter space {@code a} in Å */
    static ParameterSpace space(String element) {
        double[] range = RANGES.get(element);
        return ParameterSpace.builder().add(ContinuousParameter.of("a", range[0], range[1])).build();
    }

    /**
     * Reads a stored campaign's definition back from the spec its runner stored.
     *
     * @param campaign the stored campaign
     * @return its definition
     * @throws IllegalArgumentException if this application did not create it
     */
    static Definition definition(CampaignRecord campaign) {
        JsonNode spec;
        try {
            spec = JSON.readTree(campaign.specJson());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("campaign " + campaign.id() + " has a spec that is not JSON", e);
        }
        String evaluator = spec.path("evaluator").asText();
        if (!evaluator.startsWith(EVALUATOR_PREFIX)) {
            throw new IllegalArgumentException("campaign " + campaign.id() + " was not created by this application (evaluator '"
                    + evaluator + "')");
        }
        String strategyName = spec.path("strategy").asText();
        String strategy = STRATEGIES.entrySet().stream().filter(e -> e.getValue().get().name().equals(strategyName))
                .map(Map.Entry::getKey).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("campaign " + campaign.id() + " uses strategy '" + strategyName
                        + "', which this application does not know"));
        return new Definition(evaluator.substring(EVALUATOR_PREFIX.length()), strategy, spec.path("batchSize").asInt(),
                spec.path("seed").asLong());
    }

    /** @return the strategies a campaign may use */
    static List<String> strategies() {
        return STRATEGIES.keySet().stream().sorted().toList();
    }

    /** The conventional cubic cell of an fcc metal: four atoms. */
    static Structure fcc(Element element, double a) {
        return Structure.builder().lattice(Lattice.cubic(a)).addSite(element, 0, 0, 0).addSite(element, 0.5, 0.5, 0)
                .addSite(element, 0.5, 0, 0.5).addSite(element, 0, 0.5, 0.5).build();
    }
}
