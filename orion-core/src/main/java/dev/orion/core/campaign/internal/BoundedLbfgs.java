package dev.orion.core.campaign.internal;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Minimises a smooth function within box bounds: projected L-BFGS (two-loop recursion on the free
 * variables, Armijo backtracking along the projected path). Enough for a dozen hyperparameters; a
 * non-finite value at a trial point (a failed Cholesky) just shortens the step.
 */
public final class BoundedLbfgs {

    /** A function and its gradient. */
    @FunctionalInterface
    public interface Objective {
        /**
         * @param x        the point
         * @param gradient receives the gradient at x
         * @return the value at x (may be non-finite where undefined)
         */
        double evaluate(double[] x, double[] gradient);
    }

    /**
     * The optimum found.
     *
     * @param x           the point
     * @param value       the value there
     * @param evaluations how many times the objective was evaluated
     */
    public record Result(double[] x, double value, int evaluations) {
    }

    private static final int MEMORY = 8;

    private final double[] lower;
    private final double[] upper;
    private final int maxIterations;
    private final double tolerance;

    /**
     * @param lower         lower bounds
     * @param upper         upper bounds
     * @param maxIterations iteration limit
     * @param tolerance     stop when the projected gradient's largest entry or the relative decrease is below it
     */
    public BoundedLbfgs(double[] lower, double[] upper, int maxIterations, double tolerance) {
        this.lower = lower.clone();
        this.upper = upper.clone();
        this.maxIterations = maxIterations;
        this.tolerance = tolerance;
    }

    /**
     * @param f     the objective
     * @param start the starting point (projected onto the box)
     * @return the best point seen
     */
    public Result minimize(Objective f, double[] start) {
        int n = start.length;
        double[] x = project(start.clone());
        double[] g = new double[n];
        double fx = f.evaluate(x, g);
        int evaluations = 1;
        if (!Double.isFinite(fx)) {
            return new Result(x, fx, evaluations);
        }
        Deque<double[][]> history = new ArrayDeque<>();
        for (int iter = 0; iter < maxIterations; iter++) {
            if (projectedGradientNorm(x, g) < tolerance) {
                break;
            }
            double[] d = direction(x, g, history);
            double slope = dot(d, g);
            if (!(slope < 0)) {
                history.clear();
                d = negate(g);
                slope = dot(d, g);
            }
            double step = history.isEmpty() ? Math.min(1, 1 / Math.max(1e-12, max(g))) : 1;
            double[] xn = null;
            double[] gn = new double[n];
            double fn = Double.NaN;
            for (int k = 0; k < 30; k++) {
                double[] trial = project(axpy(x, step, d));
                fn = f.evaluate(trial, gn);
                evaluations++;
                double decrease = 0;
                for (int i = 0; i < n; i++) {
                    decrease += g[i] * (trial[i] - x[i]);
                }
                if (Double.isFinite(fn) && fn <= fx + 1e-4 * decrease) {
                    xn = trial;
                    break;
                }
                step *= 0.3;
            }
            if (xn == null) {
                break;
            }
            double[] s = new double[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                s[i] = xn[i] - x[i];
                y[i] = gn[i] - g[i];
            }
            if (dot(s, y) > 1e-12) {
                history.addLast(new double[][] {s, y});
                if (history.size() > MEMORY) {
                    history.removeFirst();
                }
            }
            double relative = (fx - fn) / Math.max(1, Math.abs(fx));
            x = xn;
            g = gn;
            fx = fn;
            if (relative < tolerance * 1e-3) {
                break;
            }
        }
        return new Result(x, fx, evaluations);
    }

    private double[] direction(double[] x, double[] g, Deque<double[][]> history) {
        int n = x.length;
        boolean[] fixed = new boolean[n];
        double[] q = new double[n];
        for (int i = 0; i < n; i++) {
            fixed[i] = (x[i] <= lower[i] && g[i] > 0) || (x[i] >= upper[i] && g[i] < 0);
            q[i] = fixed[i] ? 0 : g[i];
        }
        int m = history.size();
        double[] alpha = new double[m];
        double[][][] pairs = history.toArray(new double[0][][]);
        for (int k = m - 1; k >= 0; k--) {
            double rho = 1 / freeDot(pairs[k][0], pairs[k][1], fixed);
            alpha[k] = rho * freeDot(pairs[k][0], q, fixed);
            for (int i = 0; i < n; i++) {
                q[i] -= fixed[i] ? 0 : alpha[k] * pairs[k][1][i];
            }
        }
        if (m > 0) {
            double sy = freeDot(pairs[m - 1][0], pairs[m - 1][1], fixed);
            double yy = freeDot(pairs[m - 1][1], pairs[m - 1][1], fixed);
            double gamma = yy > 0 && sy > 0 ? sy / yy : 1;
            for (int i = 0; i < n; i++) {
                q[i] *= gamma;
            }
        }
        for (int k = 0; k < m; k++) {
            double rho = 1 / freeDot(pairs[k][0], pairs[k][1], fixed);
            double beta = rho * freeDot(pairs[k][1], q, fixed);
            for (int i = 0; i < n; i++) {
                q[i] += fixed[i] ? 0 : (alpha[k] - beta) * pairs[k][0][i];
            }
        }
        for (int i = 0; i < n; i++) {
            q[i] = -q[i];
        }
        return q;
    }

    private double projectedGradientNorm(double[] x, double[] g) {
        double norm = 0;
        for (int i = 0; i < x.length; i++) {
            double p = Math.min(Math.max(x[i] - g[i], lower[i]), upper[i]) - x[i];
            norm = Math.max(norm, Math.abs(p));
        }
        return norm;
    }

    private double[] project(double[] x) {
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.min(Math.max(x[i], lower[i]), upper[i]);
        }
        return x;
    }

    private static double freeDot(double[] a, double[] b, boolean[] fixed) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += fixed[i] ? 0 : a[i] * b[i];
        }
        return Math.abs(s) < 1e-300 ? 1e-300 : s;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double max(double[] a) {
        double m = 0;
        for (double v : a) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    private static double[] negate(double[] a) {
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = -a[i];
        }
        return r;
    }

    private static double[] axpy(double[] x, double a, double[] d) {
        double[] r = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            r[i] = x[i] + a * d[i];
        }
        return r;
    }
}
