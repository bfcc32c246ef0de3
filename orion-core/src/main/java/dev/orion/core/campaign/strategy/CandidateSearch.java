package dev.orion.core.campaign.strategy;

import dev.orion.campaign.Candidate;
import dev.orion.campaign.CandidatePool;
import dev.orion.core.campaign.internal.BoundedLbfgs;
import dev.orion.core.campaign.internal.QuasiRandom;
import dev.orion.core.campaign.internal.SpaceEncoding;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * Where acquisition functions are maximised: every unused entry of a pool, or for a parameter space
 * feasible Sobol points plus perturbations of the best points so far, the best of which are then refined
 * by local search over their continuous features.
 */
final class CandidateSearch {

    /**
     * A candidate with its features.
     *
     * @param candidate the candidate
     * @param features  its encoding
     */
    record Point(Candidate candidate, double[] features) {
    }

    private static final double PERTURBATION = 0.05;

    private CandidateSearch() {
    }

    /**
     * @param history    the request's history
     * @param rawSamples how many Sobol points to draw for a parameter space
     * @param around     features to perturb (the incumbents), may be empty
     * @param seed       the seed
     * @return distinct, feasible candidates not excluded by the history
     */
    static List<Point> candidates(History history, int rawSamples, double[][] around, long seed) {
        SpaceEncoding encoding = history.encoding;
        List<Point> out = new ArrayList<>();
        if (history.request.space() instanceof CandidatePool pool) {
            for (Candidate c : pool.candidates()) {
                if (!history.excluded.contains(c.id())) {
                    out.add(new Point(c, encoding.encode(c)));
                }
            }
            return out;
        }
        Set<String> seen = new HashSet<>(history.excluded);
        for (double[] u : QuasiRandom.sobol(rawSamples, encoding.cubeDimension(), 0, seed)) {
            add(history, encoding.fromCube(u), seen, out);
        }
        SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        int perPoint = around.length == 0 ? 0 : Math.max(10, rawSamples / (4 * around.length));
        for (double[] centre : around) {
            for (int k = 0; k < perPoint; k++) {
                double[] f = centre.clone();
                for (int j = 0; j < f.length; j++) {
                    f[j] += PERTURBATION * gaussian(random);
                }
                add(history, encoding.decode(f), seen, out);
            }
        }
        return out;
    }

    /**
     * Hill-climbs the score over the continuous features of a parameter-space point (projected L-BFGS on
     * finite differences), keeping the result only if it decodes to a feasible, unused candidate with a
     * higher score.
     *
     * @param history the history
     * @param start   the starting point
     * @param score   the score to maximise, of features
     * @param used    ids not to return
     * @return the refined point, or {@code start}
     */
    static Point refine(History history, Point start, ToDoubleFunction<double[]> score, Set<String> used) {
        boolean[] free = history.encoding.continuousFeatures();
        int[] index = java.util.stream.IntStream.range(0, free.length).filter(j -> free[j]).toArray();
        if (index.length == 0 || history.request.space() instanceof CandidatePool) {
            return start;
        }
        double[] base = start.features();
        double[] lower = new double[index.length];
        double[] upper = new double[index.length];
        java.util.Arrays.fill(upper, 1);
        double[] x0 = new double[index.length];
        for (int i = 0; i < index.length; i++) {
            x0[i] = base[index[i]];
        }
        BoundedLbfgs.Objective negative = (x, g) -> {
            double f0 = -score.applyAsDouble(embed(base, index, x));
            for (int i = 0; i < x.length; i++) {
                double h = 1e-6;
                double[] xp = x.clone();
                xp[i] = Math.min(1, x[i] + h);
                double step = xp[i] - x[i];
                if (step <= 0) {
                    xp[i] = x[i] - h;
                    step = -h;
                }
                g[i] = (-score.applyAsDouble(embed(base, index, xp)) - f0) / step;
            }
            return f0;
        };
        BoundedLbfgs.Result r = new BoundedLbfgs(lower, upper, 20, 1e-7).minimize(negative, x0);
        Candidate c = history.encoding.decode(embed(base, index, r.x()));
        if (!Double.isFinite(r.value()) || used.contains(c.id()) || history.excluded.contains(c.id())
                || !history.request.space().isFeasible(c)) {
            return start;
        }
        double[] features = history.encoding.encode(c);
        return score.applyAsDouble(features) > score.applyAsDouble(base) ? new Point(c, features) : start;
    }

    /**
     * @param history the history
     * @param count   how many
     * @param seed    the seed
     * @return uniformly random feasible unused candidates (fewer if the space runs out)
     */
    static List<Point> random(History history, int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Point> out = new ArrayList<>();
        if (history.request.space() instanceof CandidatePool) {
            List<Point> all = candidates(history, 0, new double[0][], seed);
            for (int i = 0; i < Math.min(count, all.size()); i++) {
                int k = i + random.nextInt(all.size() - i);
                Point t = all.get(i);
                all.set(i, all.get(k));
                all.set(k, t);
                out.add(all.get(i));
            }
            return out;
        }
        Set<String> seen = new HashSet<>(history.excluded);
        int dim = history.encoding.cubeDimension();
        for (int attempt = 0; attempt < 1000 * count && out.size() < count; attempt++) {
            add(history, history.encoding.fromCube(QuasiRandom.uniform(1, dim, random)[0]), seen, out);
        }
        return out;
    }

    /**
     * Maps unit-cube design points to candidates: for a parameter space through the encoding, for a pool to
     * the nearest unused entry (in encoded descriptor space, the cube being read as descriptor space).
     */
    static List<Point> fromDesign(History history, double[][] design, int count) {
        List<Point> out = new ArrayList<>();
        Set<String> seen = new HashSet<>(history.excluded);
        if (history.request.space() instanceof CandidatePool) {
            List<Point> pool = candidates(history, 0, new double[0][], 0);
            for (double[] u : design) {
                if (out.size() == count) {
                    break;
                }
                nearest(pool, u, seen).ifPresent(p -> {
                    seen.add(p.candidate().id());
                    out.add(p);
                });
            }
            return out;
        }
        for (double[] u : design) {
            if (out.size() == count) {
                break;
            }
            add(history, history.encoding.fromCube(u), seen, out);
        }
        return out;
    }

    /** @return the pool point nearest to x whose id is not in {@code used} */
    static java.util.Optional<Point> nearest(List<Point> pool, double[] x, Set<String> used) {
        Point best = null;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (Point p : pool) {
            if (used.contains(p.candidate().id())) {
                continue;
            }
            double d = 0;
            for (int j = 0; j < x.length; j++) {
                double t = p.features()[j] - x[j];
                d += t * t;
            }
            if (d < bestDistance) {
                bestDistance = d;
                best = p;
            }
        }
        return java.util.Optional.ofNullable(best);
    }

    private static void add(History history, Candidate c, Set<String> seen, List<Point> out) {
        if (seen.add(c.id()) && history.request.space().isFeasible(c)) {
            out.add(new Point(c, history.encoding.encode(c)));
        }
    }

    private static double[] embed(double[] base, int[] index, double[] x) {
        double[] f = base.clone();
        for (int i = 0; i < index.length; i++) {
            f[index[i]] = x[i];
        }
        return f;
    }

    static double gaussian(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }
}
