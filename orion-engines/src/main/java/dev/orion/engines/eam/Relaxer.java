package dev.orion.engines.eam;

import dev.orion.EngineFailureException;
import dev.orion.engine.Convergence;
import dev.orion.structure.Matrix3;
import java.util.Optional;

/**
 * Minimises a {@link Configuration} under a {@link ForceModel}: FIRE (Bitzek et al., PRL 97,
 * 170201, 2006) on the positions; for a cell relaxation, an outer loop that strains the cell
 * against the remaining stress with a secant estimate of the bulk modulus, isotropically for
 * cubic-like orthogonal cells (as LAMMPS's {@code box/relax iso}) and by the full symmetric stress
 * otherwise, until the stress is within {@value #STRESS_TOLERANCE_GPA} GPa of the target pressure.
 */
final class Relaxer {

    /** How close to the target pressure a relaxed cell's stress must be, GPa. */
    static final double STRESS_TOLERANCE_GPA = 1e-5;
    /** GPa per eV/Å³, as LAMMPS's metal-unit conversion (nktv2p = 1.6021765e6 bar). */
    static final double GPA_PER_EV_A3 = 160.21765;

    private final ForceModel model;
    private final String engine;
    int evaluations;

    Relaxer(ForceModel model, String engine) {
        this.model = model;
        this.engine = engine;
    }

    /** One evaluation: energy, forces and stress (pressure sign, GPa, xx yy zz yz xz xy). */
    double evaluate(Configuration c, double[] forces, double[] stress) {
        checkInterrupt();
        c.ensureNeighbors();
        double[] virial = new double[6];
        double e = model.evaluate(c, forces, virial);
        double scale = GPA_PER_EV_A3 / c.volume();
        for (int k = 0; k < 6; k++) {
            stress[k] = virial[k] * scale;
        }
        evaluations++;
        return e;
    }

    private void checkInterrupt() {
        if (Thread.currentThread().isInterrupted()) {
            throw new EngineFailureException(engine, EngineFailureException.Kind.CANCELLED,
                    "interrupted after " + evaluations + " force evaluations", Optional.empty());
        }
    }

    /** FIRE on the positions. @return iterations used, negative if it did not converge */
    int relaxPositions(Configuration c, double ftol, int maxSteps) {
        int n = c.n;
        double[] f = new double[3 * n];
        double[] v = new double[3 * n];
        double[] stress = new double[6];
        double dt = 0.1;
        double dtMax = 1.0;
        double alpha = 0.1;
        int positive = 0;
        double maxStep = 0.2;
        double[] inv = Matrix3.inverse(c.cell);
        evaluate(c, f, stress);
        for (int step = 0; step < maxSteps; step++) {
            if (maxForce(f) < ftol) {
                return step;
            }
            double power = 0;
            double vnorm = 0;
            double fnorm = 0;
            for (int k = 0; k < 3 * n; k++) {
                power += f[k] * v[k];
                vnorm += v[k] * v[k];
                fnorm += f[k] * f[k];
            }
            if (power > 0) {
                vnorm = Math.sqrt(vnorm);
                fnorm = Math.sqrt(fnorm);
                for (int k = 0; k < 3 * n; k++) {
                    v[k] = (1 - alpha) * v[k] + alpha * f[k] / fnorm * vnorm;
                }
                if (++positive > 5) {
                    dt = Math.min(dt * 1.1, dtMax);
                    alpha *= 0.99;
                }
            } else {
                java.util.Arrays.fill(v, 0.0);
                dt *= 0.5;
                alpha = 0.1;
                positive = 0;
            }
            double longest = 0;
            for (int k = 0; k < 3 * n; k++) {
                v[k] += dt * f[k];
            }
            for (int i = 0; i < n; i++) {
                double dx = dt * v[3 * i];
                double dy = dt * v[3 * i + 1];
                double dz = dt * v[3 * i + 2];
                longest = Math.max(longest, Math.sqrt(dx * dx + dy * dy + dz * dz));
            }
            double scale = longest > maxStep ? maxStep / longest : 1.0;
            for (int i = 0; i < n; i++) {
                double dx = dt * v[3 * i] * scale;
                double dy = dt * v[3 * i + 1] * scale;
                double dz = dt * v[3 * i + 2] * scale;
                // Cartesian step -> fractional: d . L^-1
                c.frac[3 * i] += dx * inv[0] + dy * inv[3] + dz * inv[6];
                c.frac[3 * i + 1] += dx * inv[1] + dy * inv[4] + dz * inv[7];
                c.frac[3 * i + 2] += dx * inv[2] + dy * inv[5] + dz * inv[8];
            }
            evaluate(c, f, stress);
        }
        return maxForce(f) < ftol ? maxSteps : -maxSteps;
    }

    /**
     * Relaxes positions and, if {@code cell}, the cell.
     *
     * @return how it ended
     */
    Convergence relax(Configuration c, double ftol, int maxSteps, boolean cell, double pressureGPa, boolean isotropic) {
        int used = 0;
        if (!cell) {
            int it = relaxPositions(c, ftol, maxSteps);
            return new Convergence(it >= 0, Math.abs(it), it >= 0 ? "force tolerance" : "max iterations");
        }
        double[] f = new double[3 * c.n];
        double[] s = new double[6];
        double bulk = 100; // GPa, refined by secant steps
        double lastP = Double.NaN;
        double lastStrain = 0;
        for (int outer = 0; outer < 200 && used < maxSteps; outer++) {
            int it = relaxPositions(c, ftol, maxSteps - used);
            used += Math.abs(it);
            evaluate(c, f, s);
            double p = (s[0] + s[1] + s[2]) / 3;
            double dev = isotropic ? Math.abs(p - pressureGPa)
                    : Math.max(Math.max(Math.abs(s[0] - pressureGPa), Math.abs(s[1] - pressureGPa)),
                        Math.max(Math.abs(s[2] - pressureGPa), Math.max(Math.abs(s[3]), Math.max(Math.abs(s[4]), Math.abs(s[5])))));
            if (it >= 0 && dev < STRESS_TOLERANCE_GPA) {
                return new Convergence(true, used, "force and stress tolerance");
            }
            if (!Double.isNaN(lastP) && lastStrain != 0) {
                double estimate = -(p - lastP) / (3 * lastStrain);
                if (estimate > 1 && estimate < 2000) {
                    bulk = estimate;
                }
            }
            double[] strain = new double[6];
            if (isotropic) {
                double e = (p - pressureGPa) / (3 * bulk);
                strain[0] = strain[1] = strain[2] = clamp(e);
                lastStrain = strain[0];
            } else {
                for (int k = 0; k < 3; k++) {
                    strain[k] = clamp((s[k] - pressureGPa) / (3 * bulk));
                }
                for (int k = 3; k < 6; k++) {
                    strain[k] = clamp(s[k] / (3 * bulk));
                }
                lastStrain = (strain[0] + strain[1] + strain[2]) / 3;
            }
            lastP = p;
            applyStrain(c, strain);
        }
        return new Convergence(false, used, "max iterations");
    }

    private static double clamp(double e) {
        return Math.max(-0.02, Math.min(0.02, e));
    }

    /** Rows of the cell times (I + e): fractional coordinates stay, atoms move with the cell. */
    private static void applyStrain(Configuration c, double[] e) {
        c.cell = Matrix3.multiply(c.cell, new double[] {1 + e[0], e[5], e[4], e[5], 1 + e[1], e[3], e[4], e[3], 1 + e[2]});
    }

    static double maxForce(double[] f) {
        double max = 0;
        for (int i = 0; i < f.length; i += 3) {
            max = Math.max(max, f[i] * f[i] + f[i + 1] * f[i + 1] + f[i + 2] * f[i + 2]);
        }
        return Math.sqrt(max);
    }
}
