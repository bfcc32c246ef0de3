package dev.orion.core.campaign.strategy;

import dev.orion.campaign.Strategy;

/**
 * The strategies, by when to use them:
 * <ul>
 *   <li>{@link #random()}: a baseline, and for spaces where nothing is smooth.</li>
 *   <li>{@link #sobol()}: the initial design of a campaign; covers the space evenly with few points.</li>
 *   <li>{@link #latinHypercube()}: an initial design whose every batch stratifies each parameter.</li>
 *   <li>{@link #grid(int)}: small spaces you want covered exhaustively, in a predictable order.</li>
 *   <li>{@link #bayesian()}: expensive evaluations of one objective (tens to a few thousand of them).</li>
 *   <li>{@link #parEgo()} and {@link #expectedHypervolumeImprovement()}: 2-3 objectives with expensive
 *       evaluations; EHVI is the stronger, ParEGO the cheaper.</li>
 *   <li>{@link #nsga2()}: large discrete or compositional spaces and cheap evaluations (thousands), any
 *       number of objectives, no model.</li>
 * </ul>
 */
public final class Strategies {

    private Strategies() {
    }

    /** @return uniformly random feasible candidates */
    public static Strategy random() {
        return new SpaceFilling(SpaceFilling.Design.RANDOM);
    }

    /** @return a randomly shifted Sobol sequence, continued across calls with the same seed */
    public static Strategy sobol() {
        return new SpaceFilling(SpaceFilling.Design.SOBOL);
    }

    /** @return a Latin hypercube per batch */
    public static Strategy latinHypercube() {
        return new SpaceFilling(SpaceFilling.Design.LATIN_HYPERCUBE);
    }

    /**
     * @param levels values per continuous parameter (&gt;= 2)
     * @return a full factorial grid, in a fixed order
     */
    public static Strategy grid(int levels) {
        return new GridStrategy(levels);
    }

    /** @return Bayesian optimisation with the defaults of {@link BayesianOptimization#builder()} */
    public static Strategy bayesian() {
        return BayesianOptimization.builder().build();
    }

    /** @return ParEGO with the defaults of {@link MultiObjectiveOptimization#builder()} */
    public static Strategy parEgo() {
        return MultiObjectiveOptimization.builder().method(MultiObjectiveOptimization.Method.PAREGO).build();
    }

    /** @return expected hypervolume improvement with the defaults of {@link MultiObjectiveOptimization#builder()} */
    public static Strategy expectedHypervolumeImprovement() {
        return MultiObjectiveOptimization.builder().method(MultiObjectiveOptimization.Method.EHVI).build();
    }

    /** @return NSGA-II with the defaults of {@link GeneticAlgorithm#builder()} */
    public static Strategy nsga2() {
        return GeneticAlgorithm.builder().build();
    }
}
