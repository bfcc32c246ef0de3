package dev.orion.core.campaign.internal;

import java.util.Arrays;

/**
 * Minimises a smooth function within box bounds from a good start and a good guess of its Hessian: projected
 * quasi-Newton steps on the free variables (those not held at a bound by the gradient) with a dense, damped BFGS
 * update of the Hessian, Armijo backtracking along the projected path. Meant for few expensive evaluations of a
 * dozen variables, where L-BFGS started from a scaled identity would spend its first iterations learning the
 * curvature that the caller already knows (a Gaussian process's likelihood on all its points, the Hessian
 * taken from a subset).
 */
public final class BoundedBfgs {

    /**
     * The optimum found.
     *
     * @param x           the point
     * @param value       the value there
     * @param evaluations how many times the objective was evaluated
     * @param hessian     the updated Hessian guess at the end (to start a related search from)
     */
    public record Result(double[] x, double value, int evaluations, double[][] hessian) {
    }

    /** Backtracking halvings tried before the search gives up at the current point. */
    private static final int BACKTRACKS = 8;

    private final double[] lower;
    private final double[] upper;
    private final int maxEvaluations;
    private final double gradientTolerance;
    private final double decreaseTolerance;

    /**
     * @param lower             lower bounds
     * @param upper             upper bounds
     * @param maxEvaluations    the most evaluations of the objective
     * @param gradientTolerance stop when the largest free gradient entry is below it
     * @param decreaseTolerance stop when an accepted step lowers the value by less than this (absolute)
     */
    public BoundedBfgs(double[] lower, double[] upper, int maxEvaluations, double gradientTolerance,
                       double decreaseTolerance) {
        this.lower = lower.clone();
        this.upper = upper.clone();
        this.maxEvaluations = maxEvaluations;
        this.gradientTolerance = gradientTolerance;
        this.decreaseTolerance = decreaseTolerance;
    }

    /**
     * @param f       the objective
     * @param start   the starting point (projected onto the box)
     * @param hessian a symmetric guess of the Hessian at the start (not modified; need not be positive definite)
     * @return the best point seen, its value and the number of evaluations
     */
    public Result minimize(BoundedLbfgs.Objective f, double[] start, double[][] hessian) {
        int p = start.length;
        double[][] b = new double[p][];
        for (int i = 0; i < p; i++) {
            b[i] = hessian[i].clone();
        }
        double[] x = project(start.clone());
        double[] g = new double[p];
        double fx = f.evaluate(x, g);
        int evaluations = 1;
        if (!Double.isFinite(fx)) {
            return new Result(x, fx, evaluations, b);
        }
        while (evaluations < maxEvaluations) {
            boolean[] free = new boolean[p];
            double largest = 0;
            for (int i = 0; i < p; i++) {
                free[i] = !((x[i] <= lower[i] && g[i] > 0) || (x[i] >= upper[i] && g[i] < 0));
                largest = free[i] ? Math.max(largest, Math.abs(g[i])) : largest;
            }
            if (largest < gradientTolerance) {
                break;
            }
            double[] d = newtonDirection(b, g, free);
            double[] gn = new double[p];
            double[] xn = null;
            double fn = Double.NaN;
            double step = 1;
            for (int k = 0; k < BACKTRACKS && evaluations < maxEvaluations; k++, step *= 0.5) {
                double[] trial = new double[p];
                for (int i = 0; i < p; i++) {
                    trial[i] = Math.min(upper[i], Math.max(lower[i], x[i] + step * d[i]));
                }
                fn = f.evaluate(trial, gn);
                evaluations++;
                double decrease = 0;
                for (int i = 0; i < p; i++) {
                    decrease += g[i] * (trial[i] - x[i]);
                }
                if (Double.isFinite(fn) && fn <= fx + 1e-4 * decrease) {
                    xn = trial;
                    break;
                }
            }
            if (xn == null) {
                break;
            }
            double[] s = new double[p];
            double[] y = new double[p];
            for (int i = 0; i < p; i++) {
                s[i] = xn[i] - x[i];
                y[i] = gn[i] - g[i];
            }
            update(b, s, y);
            double decrease = fx - fn;
            x = xn;
            g = gn;
            fx = fn;
            if (decrease < decreaseTolerance) {
                break;
            }
        }
        return new Result(x, fx, evaluations, b);
    }

    /** Damped BFGS (Powell): keeps B positive definite on the steps taken even where s^T y is small. */
    static void update(double[][] b, double[] s, double[] y) {
        int p = s.length;
        double[] bs = new double[p];
        double sbs = 0;
        double sy = 0;
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                bs[i] += b[i][j] * s[j];
            }
        }
        for (int i = 0; i < p; i++) {
            sbs += s[i] * bs[i];
            sy += s[i] * y[i];
        }
        if (!(sbs > 0)) {
            return;
        }
        double theta = sy >= 0.2 * sbs ? 1 : 0.8 * sbs / (sbs - sy);
        double[] r = new double[p];
        double sr = 0;
        for (int i = 0; i < p; i++) {
            r[i] = theta * y[i] + (1 - theta) * bs[i];
            sr += s[i] * r[i];
        }
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                b[i][j] += r[i] * r[j] / sr - bs[i] * bs[j] / sbs;
            }
        }
    }

    /**
     * Solves {@code B_FF d_F = -g_F} on the free variables (fixed ones get 0), shifting the diagonal until the
     * block factors; falls back to steepest descent scaled by the diagonal if it never does.
     */
    static double[] newtonDirection(double[][] b, double[] g, boolean[] free) {
        int p = g.length;
        int[] index = new int[p];
        int q = 0;
        for (int i = 0; i < p; i++) {
            if (free[i]) {
                index[q++] = i;
            }
        }
        double largestDiagonal = 0;
        for (int i = 0; i < q; i++) {
            largestDiagonal = Math.max(largestDiagonal, Math.abs(b[index[i]][index[i]]));
        }
        double shift = 0;
        for (int attempt = 0; attempt < 20; attempt++) {
            double[][] l = factor(b, index, q, shift);
            if (l != null) {
                double[] z = new double[q];
                for (int i = 0; i < q; i++) {
                    double v = -g[index[i]];
                    for (int k = 0; k < i; k++) {
                        v -= l[i][k] * z[k];
                    }
                    z[i] = v / l[i][i];
                }
                for (int i = q - 1; i >= 0; i--) {
                    double v = z[i];
                    for (int k = i + 1; k < q; k++) {
                        v -= l[k][i] * z[k];
                    }
                    z[i] = v / l[i][i];
                }
                double[] d = new double[p];
                for (int i = 0; i < q; i++) {
                    d[index[i]] = z[i];
                }
                return d;
            }
            shift = shift == 0 ? 1e-8 * Math.max(1, largestDiagonal) : shift * 10;
        }
        double[] d = new double[p];
        for (int i = 0; i < p; i++) {
            d[i] = free[i] ? -g[i] / Math.max(1e-8, Math.abs(b[i][i])) : 0;
        }
        return d;
    }

    private static double[][] factor(double[][] b, int[] index, int q, double shift) {
        double[][] l = new double[q][q];
        for (int j = 0; j < q; j++) {
            double s = b[index[j]][index[j]] + shift;
            for (int k = 0; k < j; k++) {
                s -= l[j][k] * l[j][k];
            }
            if (!(s > 0) || Double.isInfinite(s)) {
                return null;
            }
            l[j][j] = Math.sqrt(s);
            for (int i = j + 1; i < q; i++) {
                double t = b[index[i]][index[j]];
                for (int k = 0; k < j; k++) {
                    t -= l[i][k] * l[j][k];
                }
                l[i][j] = t / l[j][j];
            }
        }
        return l;
    }

    private double[] project(double[] x) {
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.min(upper[i], Math.max(lower[i], x[i]));
        }
        return Arrays.copyOf(x, x.length);
    }
}
