package dev.orion.core.campaign.strategy;

import dev.orion.campaign.CandidatePool;
import dev.orion.campaign.Candidate;
import dev.orion.campaign.Proposal;
import dev.orion.campaign.ProposalRequest;
import dev.orion.campaign.Strategy;
import dev.orion.core.campaign.Pareto;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * NSGA-II without a model, for large discrete and compositional spaces and cheap evaluations; with one
 * objective it is a plain elitist genetic algorithm. The population is the best {@code populationSize}
 * observations so far (by constrained non-domination rank, then crowding distance; observations that
 * violate an outcome constraint rank after all that satisfy it); parents are picked by binary tournament,
 * children made by blend crossover and Gaussian mutation of the encoded features, then snapped to the
 * space (rounded integers, the dominant category, renormalised fractions) or, over a pool, to the nearest
 * unused entry. Until half a population has been observed it proposes random candidates.
 */
public final class GeneticAlgorithm implements Strategy {

    private static final double BLEND = 0.25;
    private static final double MUTATION_SD = 0.1;

    private final int populationSize;

    private GeneticAlgorithm(Builder b) {
        this.populationSize = b.populationSize;
    }

    /** @return a builder (population 20) */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String name() {
        return "nsga2";
    }

    @Override
    public List<Proposal> propose(ProposalRequest request) {
        History history = new History(request);
        if (history.measured.size() < populationSize / 2) {
            return relabel(CandidateSearch.random(history, request.batchSize(), request.seed()));
        }
        double[][] y = history.objectiveMatrix();
        boolean[] ok = history.satisfiesGoal();
        int[] rank = ranks(y, ok);
        double[] crowding = crowding(y, rank);
        Integer[] population = IntStream.range(0, y.length).boxed()
                .sorted(Comparator.<Integer>comparingInt(i -> rank[i]).thenComparingDouble(i -> -crowding[i]))
                .limit(populationSize).toArray(Integer[]::new);
        SplittableRandom random = new SplittableRandom(request.seed());
        int d = history.encoding.dimension();
        List<CandidateSearch.Point> pool = request.space() instanceof CandidatePool
                ? CandidateSearch.candidates(history, 0, new double[0][], 0) : List.of();
        Set<String> used = new HashSet<>(history.excluded);
        List<CandidateSearch.Point> children = new ArrayList<>();
        for (int attempt = 0; attempt < 100 * request.batchSize() && children.size() < request.batchSize(); attempt++) {
            double[] a = history.features[tournament(population, rank, crowding, random)];
            double[] b = history.features[tournament(population, rank, crowding, random)];
            double[] child = new double[d];
            for (int j = 0; j < d; j++) {
                double u = -BLEND + (1 + 2 * BLEND) * random.nextDouble();
                child[j] = a[j] + u * (b[j] - a[j]);
                if (random.nextDouble() < 1.0 / d) {
                    child[j] += MUTATION_SD * CandidateSearch.gaussian(random);
                }
            }
            if (request.space() instanceof CandidatePool) {
                CandidateSearch.nearest(pool, child, used).ifPresent(p -> {
                    used.add(p.candidate().id());
                    children.add(p);
                });
            } else {
                Candidate c = history.encoding.decode(child);
                if (!used.contains(c.id()) && request.space().isFeasible(c)) {
                    used.add(c.id());
                    children.add(new CandidateSearch.Point(c, history.encoding.encode(c)));
                }
            }
        }
        if (children.size() < request.batchSize()) {
            for (CandidateSearch.Point p : CandidateSearch.random(history, 2 * request.batchSize(), request.seed() + 1)) {
                if (children.size() < request.batchSize() && used.add(p.candidate().id())) {
                    children.add(p);
                }
            }
        }
        return relabel(children);
    }

    private List<Proposal> relabel(List<CandidateSearch.Point> points) {
        return points.stream().map(p -> Proposal.of(p.candidate(), name())).toList();
    }

    private static int tournament(Integer[] population, int[] rank, double[] crowding, SplittableRandom random) {
        int a = population[random.nextInt(population.length)];
        int b = population[random.nextInt(population.length)];
        if (rank[a] != rank[b]) {
            return rank[a] < rank[b] ? a : b;
        }
        return crowding[a] >= crowding[b] ? a : b;
    }

    /** Non-domination ranks (0 = front); infeasible points rank after every feasible one. */
    static int[] ranks(double[][] y, boolean[] feasible) {
        int n = y.length;
        int[] rank = new int[n];
        Arrays.fill(rank, -1);
        int level = 0;
        for (boolean pass : new boolean[] {true, false}) {
            while (true) {
                List<Integer> remaining = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    if (rank[i] < 0 && feasible[i] == pass) {
                        remaining.add(i);
                    }
                }
                if (remaining.isEmpty()) {
                    break;
                }
                double[][] sub = remaining.stream().map(i -> y[i]).toArray(double[][]::new);
                for (int k : Pareto.nonDominated(sub)) {
                    rank[remaining.get(k)] = level;
                }
                level++;
            }
        }
        return rank;
    }

    /** Crowding distance within each rank (boundary points infinite). */
    static double[] crowding(double[][] y, int[] rank) {
        int n = y.length;
        double[] out = new double[n];
        if (n == 0) {
            return out;
        }
        int m = y[0].length;
        int maxRank = Arrays.stream(rank).max().orElse(0);
        for (int r = 0; r <= maxRank; r++) {
            final int level = r;
            int[] members = IntStream.range(0, n).filter(i -> rank[i] == level).toArray();
            for (int j = 0; j < m; j++) {
                final int obj = j;
                int[] sorted = Arrays.stream(members).boxed().sorted(Comparator.comparingDouble(i -> y[i][obj]))
                        .mapToInt(Integer::intValue).toArray();
                if (sorted.length == 0) {
                    continue;
                }
                double span = y[sorted[sorted.length - 1]][j] - y[sorted[0]][j];
                out[sorted[0]] = Double.POSITIVE_INFINITY;
                out[sorted[sorted.length - 1]] = Double.POSITIVE_INFINITY;
                for (int k = 1; k < sorted.length - 1 && span > 0; k++) {
                    out[sorted[k]] += (y[sorted[k + 1]][j] - y[sorted[k - 1]][j]) / span;
                }
            }
        }
        return out;
    }

    /** Configures {@link GeneticAlgorithm}. */
    public static final class Builder {
        private int populationSize = 20;

        private Builder() {
        }

        /** @param size the population (&gt;= 4, default 20)  @return this builder (for chaining) */
        public Builder populationSize(int size) {
            if (size < 4) {
                throw new IllegalArgumentException("populationSize must be >= 4, got " + size);
            }
            this.populationSize = size;
            return this;
        }

        /** @return the strategy */
        public GeneticAlgorithm build() {
            return new GeneticAlgorithm(this);
        }
    }
}
