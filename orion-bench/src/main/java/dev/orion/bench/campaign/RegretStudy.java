package dev.orion.bench.campaign;

import dev.orion.campaign.Candidate;
import dev.orion.campaign.ContinuousParameter;
import dev.orion.campaign.Goal;
import dev.orion.campaign.Measurement;
import dev.orion.campaign.Observation;
import dev.orion.campaign.ParameterSpace;
import dev.orion.campaign.Proposal;
import dev.orion.campaign.ProposalRequest;
import dev.orion.campaign.Strategy;
import dev.orion.core.campaign.Pareto;
import dev.orion.core.campaign.strategy.Acquisitions;
import dev.orion.core.campaign.strategy.BayesianOptimization;
import dev.orion.core.campaign.strategy.MultiObjectiveOptimization;
import dev.orion.core.campaign.strategy.Strategies;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * The closed-loop regret study of the BoTorch protocol: 10 quasi-random initial points, then 20 batches of
 * q = 3 (70 evaluations), over several seeds; the best true (noise-free) value found, as median and
 * quartiles, for ORION's Bayesian optimisation, random search and a sequential scikit-learn GP-EI loop on
 * the same seeds; and the BraninCurrin hypervolume (reference [18, 6], maximum 59.36) of EHVI and ParEGO
 * against random.
 *
 * <pre>
 * scripts/bench dev.orion.bench.campaign.RegretStudy [SEEDS] [EVALUATIONS] [PROBLEMS: branin,hartmann6,branin-noisy,hartmann6-noisy,branincurrin] [sklearn|nosklearn]
 * </pre>
 */
public final class RegretStudy {

    private RegretStudy() {
    }

    private record Problem(String name, ParameterSpace space, ToDoubleFunction<double[]> f, double noise,
                           double minimum) {
    }

    /**
     * @param args seeds (default 10), evaluations (70), comma-separated problems (all), whether to run
     *             the scikit-learn loop ("sklearn", the default, or "nosklearn")
     * @throws Exception if python fails
     */
    public static void main(String[] args) throws Exception {
        int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int evaluations = args.length > 1 ? Integer.parseInt(args[1]) : 70;
        List<String> names = List.of((args.length > 2 ? args[2]
                : "branin,hartmann6,branin-noisy,hartmann6-noisy,branincurrin").split(","));
        boolean sklearn = args.length <= 3 || args[3].equals("sklearn");
        System.out.printf(Locale.ROOT, "%d seeds, %d evaluations (10 Sobol + batches of 3)%n", seeds, evaluations);
        for (String name : names) {
            if (name.equals("branincurrin")) {
                braninCurrin(seeds, evaluations);
                continue;
            }
            Problem p = problem(name);
            Strategy bo = BayesianOptimization.builder().acquisition(p.noise() > 0
                    ? Acquisitions.noisyExpectedImprovement() : Acquisitions.logExpectedImprovement()).build();
            double[] orion = new double[seeds];
            double[] random = new double[seeds];
            double[] skl = new double[seeds];
            long start = System.nanoTime();
            for (int s = 0; s < seeds; s++) {
                orion[s] = bestTrue(p, run(bo, p, evaluations, s));
                random[s] = bestTrue(p, run(Strategies.random(), p, evaluations, s));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            report(p.name(), "ORION BO", orion, p.minimum());
            report(p.name(), "random", random, p.minimum());
            if (sklearn) {
                for (int s = 0; s < seeds; s++) {
                    skl[s] = sklearnLoop(name, evaluations, s);
                }
                report(p.name(), "sklearn GP-EI", skl, p.minimum());
            }
            System.out.printf(Locale.ROOT, "%s: ORION + random loops took %.0f s%n", p.name(), seconds);
        }
    }

    private static void braninCurrin(int seeds, int evaluations) {
        Goal goal = Goal.builder().minimize("branin").minimize("currin").build();
        double[] reference = {18, 6};
        for (Strategy s : List.of(MultiObjectiveOptimization.builder().reference(reference).build(),
                Strategies.parEgo(), Strategies.random())) {
            double[] hv = new double[seeds];
            for (int seed = 0; seed < seeds; seed++) {
                List<Observation> obs = loop(s, braninSpace(), goal, c -> {
                    double[] x = {c.number("x1"), c.number("x2")};
                    return Map.of("branin", Measurement.of(branin(x), ""), "currin", Measurement.of(currin(x), ""));
                }, evaluations, seed);
                hv[seed] = Pareto.hypervolume(obs, goal, reference);
            }
            Arrays.sort(hv);
            System.out.printf(Locale.ROOT, "BraninCurrin %-8s hypervolume median=%.2f q25=%.2f q75=%.2f (max 59.36)%n",
                    s.name(), quantile(hv, 0.5), quantile(hv, 0.25), quantile(hv, 0.75));
        }
    }

    private static Problem problem(String name) {
        return switch (name) {
            case "branin" -> new Problem(name, braninSpace(), RegretStudy::branin, 0, 0.397887);
            case "branin-noisy" -> new Problem(name, braninSpace(), RegretStudy::branin, 1.0, 0.397887);
            case "hartmann6" -> new Problem(name, hartmannSpace(), RegretStudy::hartmann6, 0, -3.32237);
            case "hartmann6-noisy" -> new Problem(name, hartmannSpace(), RegretStudy::hartmann6, 0.1, -3.32237);
            default -> throw new IllegalArgumentException("unknown problem " + name);
        };
    }

    private static List<Observation> run(Strategy s, Problem p, int evaluations, long seed) {
        SplittableRandom noise = new SplittableRandom(seed + 7);
        return loop(s, p.space(), Goal.minimize("y"), c -> {
            double v = p.f().applyAsDouble(point(c)) + p.noise() * gaussian(noise);
            return Map.of("y", Measurement.of(v, ""));
        }, evaluations, seed);
    }

    private static List<Observation> loop(Strategy s, ParameterSpace space, Goal goal,
                                          java.util.function.Function<Candidate, Map<String, Measurement>> f,
                                          int evaluations, long seed) {
        List<Observation> obs = new ArrayList<>();
        int iteration = 0;
        while (obs.size() < evaluations) {
            int q = obs.size() < 10 ? 10 : Math.min(3, evaluations - obs.size());
            for (Proposal p : s.propose(ProposalRequest.of(space, goal, obs, q, seed * 1_000 + iteration++))) {
                obs.add(Observation.of(p.candidate(), f.apply(p.candidate())));
            }
        }
        return obs;
    }

    private static double bestTrue(Problem p, List<Observation> obs) {
        return obs.stream().mapToDouble(o -> p.f().applyAsDouble(point(o.candidate()))).min().orElseThrow();
    }

    private static double[] point(Candidate c) {
        return c.values().keySet().stream().sorted().mapToDouble(c::number).toArray();
    }

    private static void report(String problem, String method, double[] best, double minimum) {
        double[] sorted = best.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "%-16s %-14s best median=%.4f q25=%.4f q75=%.4f (optimum %.4f)%n", problem,
                method, quantile(sorted, 0.5), quantile(sorted, 0.25), quantile(sorted, 0.75), minimum);
    }

    private static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    /** One sequential scikit-learn GP-EI run (Sobol start, EI over 5,000 uniform candidates). */
    private static double sklearnLoop(String name, int evaluations, long seed) throws IOException, InterruptedException {
        String script = String.join("\n",
                "import numpy as np, warnings",
                "warnings.filterwarnings('ignore')",
                "from scipy.stats import norm, qmc",
                "from sklearn.gaussian_process import GaussianProcessRegressor",
                "from sklearn.gaussian_process.kernels import ConstantKernel, Matern, WhiteKernel",
                "name = '" + name + "'; seed = " + seed + "; n = " + evaluations,
                "A = np.array([[10,3,17,3.5,1.7,8],[0.05,10,17,0.1,8,14],[3,3.5,1.7,10,17,8],[17,8,0.05,10,0.1,14]])",
                "P = 1e-4*np.array([[1312,1696,5569,124,8283,5886],[2329,4135,8307,3736,1004,9991],"
                        + "[2348,1451,3522,2883,3047,6650],[4047,8828,8732,5743,1091,381]])",
                "al = np.array([1.0,1.2,3.0,3.2])",
                "def branin(u):",
                "    x1 = -5 + 15*u[0]; x2 = 15*u[1]",
                "    return (x2 - 5.1/(4*np.pi**2)*x1**2 + 5/np.pi*x1 - 6)**2 + 10*(1-1/(8*np.pi))*np.cos(x1) + 10",
                "def hartmann(u): return -np.sum(al*np.exp(-np.sum(A*(u-P)**2, axis=1)))",
                "f = branin if name.startswith('branin') else hartmann",
                "d = 2 if name.startswith('branin') else 6",
                "sd = (1.0 if name.startswith('branin') else 0.1) if name.endswith('noisy') else 0.0",
                "rng = np.random.default_rng(seed)",
                "X = qmc.Sobol(d, scramble=True, seed=seed).random(10)",
                "y = np.array([f(x) + sd*rng.standard_normal() for x in X])",
                "while len(y) < n:",
                "    k = ConstantKernel(1.0,(1e-3,1e3))*Matern([0.5]*d,(1e-3,1e3),nu=2.5)+WhiteKernel(1e-2,(1e-8,10))",
                "    gp = GaussianProcessRegressor(k, normalize_y=True, n_restarts_optimizer=2, random_state=seed).fit(X, y)",
                "    C = rng.random((5000, d)); m, s = gp.predict(C, return_std=True); s = np.maximum(s, 1e-12)",
                "    z = (y.min() - m)/s; ei = s*(z*norm.cdf(z) + norm.pdf(z))",
                "    x = C[np.argmax(ei)]; X = np.vstack([X, x]); y = np.append(y, f(x) + sd*rng.standard_normal())",
                "print(min(f(x) for x in X))");
        Process p = new ProcessBuilder("/usr/bin/python3", "-c", script).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException("scikit-learn loop failed: " + out);
        }
        String[] lines = out.trim().split("\n");
        return Double.parseDouble(lines[lines.length - 1]);
    }

    static ParameterSpace braninSpace() {
        return ParameterSpace.builder().add(ContinuousParameter.of("x1", -5, 10))
                .add(ContinuousParameter.of("x2", 0, 15)).build();
    }

    static ParameterSpace hartmannSpace() {
        ParameterSpace.Builder b = ParameterSpace.builder();
        for (int i = 0; i < 6; i++) {
            b.add(ContinuousParameter.of("x" + i, 0, 1));
        }
        return b.build();
    }

    static double branin(double[] x) {
        double b = 5.1 / (4 * Math.PI * Math.PI);
        double t = x[1] - b * x[0] * x[0] + 5 / Math.PI * x[0] - 6;
        return t * t + 10 * (1 - 1 / (8 * Math.PI)) * Math.cos(x[0]) + 10;
    }

    static double currin(double[] x) {
        double x1 = (x[0] + 5) / 15;
        double x2 = x[1] / 15;
        double f = 1 - Math.exp(-1 / (2 * Math.max(x2, 1e-12)));
        return f * (2300 * x1 * x1 * x1 + 1900 * x1 * x1 + 2092 * x1 + 60)
                / (100 * x1 * x1 * x1 + 500 * x1 * x1 + 4 * x1 + 20);
    }

    private static final double[] ALPHA = {1.0, 1.2, 3.0, 3.2};
    private static final double[][] A = {{10, 3, 17, 3.5, 1.7, 8}, {0.05, 10, 17, 0.1, 8, 14},
        {3, 3.5, 1.7, 10, 17, 8}, {17, 8, 0.05, 10, 0.1, 14}};
    private static final double[][] P = {{1312, 1696, 5569, 124, 8283, 5886}, {2329, 4135, 8307, 3736, 1004, 9991},
        {2348, 1451, 3522, 2883, 3047, 6650}, {4047, 8828, 8732, 5743, 1091, 381}};

    static double hartmann6(double[] x) {
        double sum = 0;
        for (int i = 0; i < 4; i++) {
            double inner = 0;
            for (int j = 0; j < 6; j++) {
                double d = x[j] - P[i][j] * 1e-4;
                inner += A[i][j] * d * d;
            }
            sum += ALPHA[i] * Math.exp(-inner);
        }
        return -sum;
    }

    private static double gaussian(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }
}
