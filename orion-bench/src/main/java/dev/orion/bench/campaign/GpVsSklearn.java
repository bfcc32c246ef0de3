package dev.orion.bench.campaign;

import dev.orion.campaign.ModelState;
import dev.orion.campaign.SurrogateModel;
import dev.orion.campaign.TrainingSet;
import dev.orion.core.campaign.gp.GaussianProcess;
import dev.orion.core.campaign.strategy.Acquisitions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * ORION's exact GP against scikit-learn's {@code GaussianProcessRegressor} on the same data in one run:
 * (1) fit with hyperparameters (Matérn 5/2 ARD + noise, standardised targets) plus EI over 2,000
 * candidates at n = 1,000, d = 10, comparing time and log marginal likelihood; (2) adding one point with
 * fixed hyperparameters at n = 1,000 (ORION's rank-one update; scikit-learn has none, so its figure is a
 * refit with the kernel fixed); (3) an ORION fit with hyperparameters at n = 5,000.
 *
 * <pre>
 * scripts/bench dev.orion.bench.campaign.GpVsSklearn [N] [D] [N_LARGE] [SKLEARN_RESTARTS]
 * </pre>
 *
 * <p>Needs {@code /usr/bin/python3} with scikit-learn ({@code apt-get install python3-sklearn}).
 */
public final class GpVsSklearn {

    private GpVsSklearn() {
    }

    /**
     * @param args n (default 1000), d (10), the large n (5000; 0 to skip), scikit-learn's
     *             n_restarts_optimizer (0, its default)
     * @throws Exception if python fails
     */
    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int d = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int large = args.length > 2 ? Integer.parseInt(args[2]) : 5000;
        int skRestarts = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        System.out.printf(Locale.ROOT, "n=%d d=%d, %d cores available%n", n, d, Runtime.getRuntime().availableProcessors());
        TrainingSet data = data(n, d, 1);
        double[][] candidates = uniform(2000, d, 2);
        Path dir = Files.createTempDirectory("gp-bench");
        write(dir.resolve("x.csv"), data.inputs());
        write(dir.resolve("y.csv"), new double[][] {data.targets()});
        write(dir.resolve("c.csv"), candidates);

        // warm-up: one fit and score of the same size on other data, so the JIT has compiled the kernels (a
        // campaign refits in a long-lived JVM); the measured fit is the next one
        fitAndScore(data(n, d, 9), candidates);
        long t0 = System.nanoTime();
        SurrogateModel model = fitAndScore(data, candidates);
        double orionSeconds = (System.nanoTime() - t0) / 1e9;
        ModelState state = model.state();
        System.out.printf(Locale.ROOT, "ORION   fit+EI seconds=%.2f LML=%.3f%n", orionSeconds,
                state.logMarginalLikelihood().getAsDouble());

        double[] extra = uniform(1, d, 3)[0];
        double[] times = new double[21];
        for (int i = 0; i < times.length; i++) {
            long s = System.nanoTime();
            model.withPoint(extra, 0.5, 0).predict(extra);
            times[i] = (System.nanoTime() - s) / 1e6;
        }
        Arrays.sort(times);
        System.out.printf(Locale.ROOT, "ORION   add one point (rank-one update + one prediction) median ms=%.2f%n",
                times[times.length / 2]);

        String[] sk = sklearn(dir, d, skRestarts).trim().split("\\s+");
        double skSeconds = Double.parseDouble(sk[0]);
        System.out.printf(Locale.ROOT, "sklearn fit+EI seconds=%.2f LML=%s (n_restarts_optimizer=%d)%n", skSeconds, sk[1],
                skRestarts);
        System.out.printf(Locale.ROOT, "sklearn add one point (refit, kernel fixed) ms=%s%n", sk[2]);
        System.out.printf(Locale.ROOT, "ratio sklearn/ORION fit+EI = %.1f, LML ORION - sklearn = %.5f%n",
                skSeconds / orionSeconds, state.logMarginalLikelihood().getAsDouble() - Double.parseDouble(sk[1]));

        if (large > 0) {
            TrainingSet big = data(large, d, 4);
            long s = System.nanoTime();
            SurrogateModel m = GaussianProcess.builder().seed(1).build().fit(big);
            System.out.printf(Locale.ROOT, "ORION   n=%d fit with hyperparameters seconds=%.1f LML=%.1f%n", large,
                    (System.nanoTime() - s) / 1e9, m.state().logMarginalLikelihood().getAsDouble());
        }
    }

    private static SurrogateModel fitAndScore(TrainingSet data, double[][] candidates) {
        SurrogateModel model = GaussianProcess.builder().seed(1).build().fit(data);
        double best = Arrays.stream(data.targets()).min().orElseThrow();
        double[] ei = Acquisitions.expectedImprovement().score(model, candidates, best);
        if (Arrays.stream(ei).anyMatch(v -> !Double.isFinite(v))) {
            throw new IllegalStateException("non-finite EI");
        }
        return model;
    }

    /** A smooth function of the first few features with small noise; the rest are irrelevant. */
    static TrainingSet data(int n, int d, long seed) {
        double[][] x = uniform(n, d, seed);
        double[] y = new double[n];
        SplittableRandom r = new SplittableRandom(seed + 100);
        for (int i = 0; i < n; i++) {
            y[i] = Math.sin(3 * x[i][0]) + Math.cos(2 * x[i][1]) * x[i][2] + 0.5 * x[i][3] * x[i][3]
                    + 0.05 * (r.nextDouble() - 0.5);
        }
        return TrainingSet.of(x, y);
    }

    static double[][] uniform(int n, int d, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] x = new double[n][d];
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                row[j] = r.nextDouble();
            }
        }
        return x;
    }

    private static void write(Path file, double[][] rows) throws IOException {
        StringBuilder b = new StringBuilder();
        for (double[] row : rows) {
            for (int j = 0; j < row.length; j++) {
                b.append(j == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.17g", row[j]));
            }
            b.append('\n');
        }
        Files.writeString(file, b.toString(), StandardCharsets.UTF_8);
    }

    private static String sklearn(Path dir, int d, int restarts) throws IOException, InterruptedException {
        String script = String.join("\n",
                "import time, numpy as np",
                "from scipy.stats import norm",
                "from sklearn.gaussian_process import GaussianProcessRegressor",
                "from sklearn.gaussian_process.kernels import ConstantKernel, Matern, WhiteKernel",
                "X = np.loadtxt('" + dir.resolve("x.csv") + "', delimiter=',')",
                "y = np.loadtxt('" + dir.resolve("y.csv") + "', delimiter=',')",
                "C = np.loadtxt('" + dir.resolve("c.csv") + "', delimiter=',')",
                "k = ConstantKernel(1.0, (1e-3, 1e3)) * Matern([0.5]*" + d + ", (1e-3, 1e3), nu=2.5)"
                        + " + WhiteKernel(1e-2, (1e-8, 10))",
                "t = time.time()",
                "gp = GaussianProcessRegressor(k, normalize_y=True, n_restarts_optimizer=" + restarts
                        + ", random_state=0).fit(X, y)",
                "m, s = gp.predict(C, return_std=True)",
                "z = (y.min() - m) / s; ei = s * (z * norm.cdf(z) + norm.pdf(z))",
                "fit = time.time() - t",
                "t = time.time()",
                "GaussianProcessRegressor(gp.kernel_, optimizer=None, normalize_y=True).fit("
                        + "np.vstack([X, np.full((1, X.shape[1]), 0.5)]), np.append(y, 0.5))",
                "add = (time.time() - t) * 1000",
                "print(fit, gp.log_marginal_likelihood_value_, add)");
        Process p = new ProcessBuilder("/usr/bin/python3", "-c", script).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException("scikit-learn failed: " + out);
        }
        String[] lines = out.trim().split("\n");
        return lines[lines.length - 1];
    }
}
