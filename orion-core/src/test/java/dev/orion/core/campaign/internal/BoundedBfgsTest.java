package dev.orion.core.campaign.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BoundedBfgsTest {

    /** f = (x0 - 1)^2 + 10 (x1 - x0^2)^2 ... a curved valley (scaled Rosenbrock). */
    private static double valley(double[] x, double[] g) {
        double a = x[0] - 1;
        double b = x[1] - x[0] * x[0];
        g[0] = 2 * a - 40 * b * x[0];
        g[1] = 20 * b;
        return a * a + 10 * b * b;
    }

    @Test
    void exactHessianConvergesInAFewStepsWhereAnIdentityStartNeedsMore() {
        double[] lower = {-5, -5};
        double[] upper = {5, 5};
        double[] start = {0.8, 0.5};
        double x = start[0];
        double[][] hessian = {{2 - 40 * (start[1] - 3 * x * x), -40 * x}, {-40 * x, 20}};
        BoundedBfgs bfgs = new BoundedBfgs(lower, upper, 100, 1e-10, 0);
        BoundedBfgs.Result good = bfgs.minimize(BoundedBfgsTest::valley, start, hessian);
        BoundedBfgs.Result plain = bfgs.minimize(BoundedBfgsTest::valley, start, new double[][] {{1, 0}, {0, 1}});
        assertThat(good.x()[0]).isCloseTo(1, within(1e-6));
        assertThat(good.x()[1]).isCloseTo(1, within(1e-6));
        assertThat(plain.x()[0]).isCloseTo(1, within(1e-4));
        assertThat(good.evaluations()).isLessThan(plain.evaluations());
    }

    @Test
    void variablesPushedOutwardStayOnTheirBoundAndAnIndefiniteGuessStillDescends() {
        // minimum of (x0 - 3)^2 + (x1 + 0.5)^2 + x0 x1 / 10 outside the box in x0
        BoundedLbfgs.Objective f = (x, g) -> {
            g[0] = 2 * (x[0] - 3) + x[1] / 10;
            g[1] = 2 * (x[1] + 0.5) + x[0] / 10;
            return (x[0] - 3) * (x[0] - 3) + (x[1] + 0.5) * (x[1] + 0.5) + x[0] * x[1] / 10;
        };
        BoundedBfgs bfgs = new BoundedBfgs(new double[] {-1, -1}, new double[] {1, 1}, 50, 1e-9, 0);
        BoundedBfgs.Result r = bfgs.minimize(f, new double[] {0, 0}, new double[][] {{-1, 0}, {0, -1}});
        assertThat(r.x()[0]).isEqualTo(1);
        assertThat(r.x()[1]).isCloseTo(-0.55, within(1e-5));
        BoundedBfgs capped = new BoundedBfgs(new double[] {-1, -1}, new double[] {1, 1}, 3, 1e-9, 0);
        assertThat(capped.minimize(f, new double[] {0, 0}, new double[][] {{2, 0}, {0, 2}}).evaluations())
                .isLessThanOrEqualTo(3);
    }
}
