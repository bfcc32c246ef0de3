package dev.orion.core.workflow;

import static dev.orion.core.workflow.BuiltinStep.outputs;

import dev.orion.structure.Structure;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.QRDecomposition;
import org.hipparchus.linear.RealVector;

/**
 * Fits: the third-order Birch-Murnaghan equation of state, and a straight line (for elastic constants from
 * stress against strain).
 */
final class FitSteps {

    /** eV/Å^3 in GPa. */
    static final double EV_PER_A3_IN_GPA = 160.21766208;

    private FitSteps() {
    }

    static List<StepType> all() {
        return List.of(
                new BuiltinStep("fit.eos", "fits E(V) with the third-order Birch-Murnaghan equation of state",
                        List.of(Param.required("volumes", ValueType.listOf(ValueType.NUMBER), "volumes in Å^3"),
                                Param.required("energies", ValueType.listOf(ValueType.NUMBER), "energies in eV, one per volume"),
                                Param.optional("structure", ValueType.STRUCTURE, "the reference cell, to turn V0 into a lattice parameter")),
                        outputs("v0", ValueType.NUMBER, "e0", ValueType.NUMBER, "b0", ValueType.NUMBER, "b0_prime", ValueType.NUMBER,
                                "a0", ValueType.NUMBER, "rms", ValueType.NUMBER),
                        c -> {
                            Map<String, Object> out = new LinkedHashMap<>(birchMurnaghan(numbers(c.list("volumes")), numbers(c.list("energies"))));
                            double v0 = (double) out.get("v0");
                            double a0 = c.input("structure").map(s -> (Structure) s)
                                    .map(s -> s.lattice().a() * Math.cbrt(v0 / s.volume())).orElse(Math.cbrt(v0));
                            out.put("a0", a0);
                            return out;
                        }),
                new BuiltinStep("fit.linear", "least-squares straight line y = slope * x + intercept",
                        List.of(Param.required("x", ValueType.listOf(ValueType.NUMBER), "abscissae"),
                                Param.required("y", ValueType.listOf(ValueType.NUMBER), "ordinates, one per x")),
                        outputs("slope", ValueType.NUMBER, "intercept", ValueType.NUMBER, "r2", ValueType.NUMBER),
                        c -> line(numbers(c.list("x")), numbers(c.list("y")))));
    }

    static double[] numbers(List<Object> list) {
        return list.stream().mapToDouble(o -> {
            if (!(o instanceof Number n) || !Double.isFinite(n.doubleValue())) {
                throw new IllegalArgumentException("expected finite numbers, got " + o);
            }
            return n.doubleValue();
        }).toArray();
    }

    /**
     * The Birch-Murnaghan E(V) is a cubic polynomial in x = V^(-2/3), so the fit is linear least squares;
     * V0 is the polynomial's minimum, B0 = V E''(V0), B0' = -(1 + V0 E'''(V0) / E''(V0)).
     */
    static Map<String, Object> birchMurnaghan(double[] v, double[] e) {
        if (v.length != e.length || v.length < 5) {
            throw new IllegalArgumentException("an equation of state needs at least 5 (volume, energy) pairs of equal count, got "
                    + v.length + " volumes and " + e.length + " energies");
        }
        double[][] a = new double[v.length][4];
        for (int i = 0; i < v.length; i++) {
            double x = Math.pow(v[i], -2.0 / 3);
            a[i] = new double[] {1, x, x * x, x * x * x};
        }
        RealVector c = new QRDecomposition(new Array2DRowRealMatrix(a, false)).getSolver().solve(new ArrayRealVector(e, false));
        double c1 = c.getEntry(1);
        double c2 = c.getEntry(2);
        double c3 = c.getEntry(3);
        // dE/dx = c1 + 2 c2 x + 3 c3 x^2 = 0; keep the root with d2E/dx2 > 0 inside the data's range
        double disc = 4 * c2 * c2 - 12 * c3 * c1;
        if (disc < 0) {
            throw new ArithmeticException("the energies have no minimum: E(V) is not bound over the volumes given");
        }
        double xMin = Double.NaN;
        for (double sign : new double[] {1, -1}) {
            double x = (-2 * c2 + sign * Math.sqrt(disc)) / (6 * c3);
            if (2 * c2 + 6 * c3 * x > 0 && x > 0) {
                xMin = x;
            }
        }
        double vLo = java.util.Arrays.stream(v).min().orElseThrow();
        double vHi = java.util.Arrays.stream(v).max().orElseThrow();
        double v0 = Math.pow(xMin, -1.5);
        if (!(v0 >= vLo && v0 <= vHi)) {
            throw new ArithmeticException("the fitted minimum V0 = " + v0 + " lies outside the volumes " + vLo + " to " + vHi
                    + ": widen the strain range");
        }
        double[] d = derivatives(c.toArray(), v0);
        double b0 = v0 * d[1] * EV_PER_A3_IN_GPA;
        double b0p = -(1 + v0 * d[2] / d[1]);
        double rms = 0;
        for (int i = 0; i < v.length; i++) {
            double r = e[i] - polynomial(c.toArray(), v[i]);
            rms += r * r;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("v0", v0);
        out.put("e0", polynomial(c.toArray(), v0));
        out.put("b0", b0);
        out.put("b0_prime", b0p);
        out.put("rms", Math.sqrt(rms / v.length));
        return out;
    }

    private static double polynomial(double[] c, double v) {
        double x = Math.pow(v, -2.0 / 3);
        return c[0] + x * (c[1] + x * (c[2] + x * c[3]));
    }

    /** dE/dV, d2E/dV2, d3E/dV3 of the polynomial at v, by the chain rule through x = V^(-2/3). */
    private static double[] derivatives(double[] c, double v) {
        double x = Math.pow(v, -2.0 / 3);
        double ex = c[1] + 2 * c[2] * x + 3 * c[3] * x * x;
        double exx = 2 * c[2] + 6 * c[3] * x;
        double exxx = 6 * c[3];
        double xv = -2.0 / 3 * Math.pow(v, -5.0 / 3);
        double xvv = 10.0 / 9 * Math.pow(v, -8.0 / 3);
        double xvvv = -80.0 / 27 * Math.pow(v, -11.0 / 3);
        double ev = ex * xv;
        double evv = exx * xv * xv + ex * xvv;
        double evvv = exxx * xv * xv * xv + 3 * exx * xv * xvv + ex * xvvv;
        return new double[] {ev, evv, evvv};
    }

    static Map<String, Object> line(double[] x, double[] y) {
        if (x.length != y.length || x.length < 2) {
            throw new IllegalArgumentException("a line needs at least 2 (x, y) pairs of equal count, got " + x.length + " and " + y.length);
        }
        double mx = java.util.Arrays.stream(x).average().orElseThrow();
        double my = java.util.Arrays.stream(y).average().orElseThrow();
        double sxx = 0;
        double sxy = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxx += (x[i] - mx) * (x[i] - mx);
            sxy += (x[i] - mx) * (y[i] - my);
            syy += (y[i] - my) * (y[i] - my);
        }
        if (sxx == 0) {
            throw new ArithmeticException("all x are equal: no line through them");
        }
        double slope = sxy / sxx;
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("slope", slope);
        out.put("intercept", my - slope * mx);
        out.put("r2", syy == 0 ? 1.0 : sxy * sxy / (sxx * syy));
        return out;
    }
}
