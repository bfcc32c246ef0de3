package dev.orion.core.campaign.gp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.orion.campaign.ModelState;
import dev.orion.campaign.Prediction;
import dev.orion.campaign.SurrogateModel;
import dev.orion.campaign.TrainingSet;
import dev.orion.store.ModelStore;
import dev.orion.store.memory.MemoryStores;
import dev.orion.tenant.Principal;
import dev.orion.tenant.TenantId;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class GaussianProcessTest {

    private static TrainingSet data(int n, int d, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] x = new double[n][d];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                x[i][j] = r.nextDouble();
            }
            y[i] = Math.sin(4 * x[i][0]) + (d > 1 ? x[i][1] : 0) + 0.01 * r.nextDouble();
        }
        return TrainingSet.of(x, y);
    }

    @ParameterizedTest
    @EnumSource(Kernel.class)
    void analyticGradientMatchesFiniteDifferences(Kernel kernel) {
        TrainingSet t = data(25, 3, 5);
        double[] extra = new double[25];
        MarginalLikelihood lml = new MarginalLikelihood(kernel, t.inputs(), t.targets(), extra, Double.NaN);
        double[] theta = {Math.log(0.3), Math.log(0.7), Math.log(1.4), Math.log(0.8), Math.log(0.05)};
        double[] g = new double[5];
        lml.evaluate(theta, g);
        for (int i = 0; i < theta.length; i++) {
            double[] plus = theta.clone();
            double[] minus = theta.clone();
            plus[i] += 1e-5;
            minus[i] -= 1e-5;
            double numeric = (lml.evaluate(plus, new double[5]) - lml.evaluate(minus, new double[5])) / 2e-5;
            assertThat(g[i]).as("d/dtheta_%d", i).isCloseTo(numeric, within(1e-4 * Math.max(1, Math.abs(numeric))));
        }
    }

    @ParameterizedTest
    @EnumSource(Kernel.class)
    void hessianMatchesSecondDifferencesOfTheValue(Kernel kernel) {
        TrainingSet t = data(30, 3, 8);
        MarginalLikelihood lml = new MarginalLikelihood(kernel, t.inputs(), t.targets(), new double[30], Double.NaN);
        double[] theta = {Math.log(0.4), Math.log(0.9), Math.log(1.2), Math.log(0.7), Math.log(0.02)};
        double[][] h = lml.hessian(theta);
        double f = lml.evaluate(theta, new double[5]);
        double step = 1e-3;
        for (int i = 0; i < theta.length; i++) {
            double[] plus = theta.clone();
            double[] minus = theta.clone();
            plus[i] += step;
            minus[i] -= step;
            double numeric = (lml.evaluate(plus, new double[5]) - 2 * f + lml.evaluate(minus, new double[5]))
                    / (step * step);
            assertThat(h[i][i]).as("d2/dtheta_%d^2", i).isCloseTo(numeric, within(1e-3 * Math.max(1, Math.abs(numeric))));
            for (int j = 0; j < theta.length; j++) {
                assertThat(h[i][j]).isEqualTo(h[j][i]);
            }
        }
    }

    @Test
    void theStagedRefinementFromASubsetReachesTheOptimumOnAllPoints() {
        TrainingSet t = data(400, 3, 12);
        // 100-point multi-start, then 200 and 400 points by quasi-Newton from the scaled Hessian
        SurrogateModel model = GaussianProcess.builder().seed(2).hyperparameterSubset(100).build().fit(t);
        ModelState staged = model.state();
        // the model reuses the last likelihood evaluation's factor: a reload refactors, to the same digits
        SurrogateModel reloaded = GaussianProcess.reload(staged, t);
        assertThat(reloaded.state()).isEqualTo(staged);
        double[] probe = {0.3, 0.6, 0.1};
        assertThat(reloaded.predict(probe)).isEqualTo(model.predict(probe));
        // the multi-start on all 400 points directly
        ModelState direct = GaussianProcess.builder().seed(2).hyperparameterSubset(400).build().fit(t).state();
        assertThat(staged.logMarginalLikelihood().getAsDouble())
                .isGreaterThanOrEqualTo(direct.logMarginalLikelihood().getAsDouble() - 1e-3);
    }

    @ParameterizedTest
    @EnumSource(Kernel.class)
    void aModelStoredInTheRegistryReloadsExactly(Kernel kernel) {
        TrainingSet t = data(40, 3, 4);
        SurrogateModel model = GaussianProcess.builder().kernel(kernel).seed(3).build().fit(t);
        try (MemoryStores stores = new MemoryStores(java.time.Clock.systemUTC())) {
            ModelStore registry = stores.tenant(TenantId.of("acme"), Principal.user("alice")).models();
            registry.register("energy", model.state());
            ModelState stored = registry.latest("energy").orElseThrow().state();
            SurrogateModel reloaded = GaussianProcess.reload(stored, t);
            assertThat(reloaded.state()).isEqualTo(model.state());
            SplittableRandom r = new SplittableRandom(8);
            for (int i = 0; i < 20; i++) {
                double[] p = {r.nextDouble(), r.nextDouble(), r.nextDouble()};
                assertThat(reloaded.predict(p)).isEqualTo(model.predict(p));
            }
            TrainingSet other = t.plus(new double[] {0.5, 0.5, 0.5}, 1, 0);
            assertThatThrownBy(() -> GaussianProcess.reload(stored, other)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("not the data the model saw");
        }
    }

    @Test
    void rankOneUpdateEqualsAFullRefitWithTheSameHyperparameters() {
        TrainingSet t = data(60, 4, 9);
        SurrogateModel model = GaussianProcess.builder().seed(1).build().fit(t);
        double[] extraX = {0.2, 0.9, 0.4, 0.1};
        SurrogateModel updated = model.withPoint(extraX, 1.7, 0);
        SurrogateModel refit = GaussianProcess.builder().fixedHyperparameters(model.state()).build()
                .fit(t.plus(extraX, 1.7, 0));
        assertThat(updated.data().hash()).isEqualTo(refit.data().hash());
        SplittableRandom r = new SplittableRandom(2);
        for (int i = 0; i < 20; i++) {
            double[] p = {r.nextDouble(), r.nextDouble(), r.nextDouble(), r.nextDouble()};
            Prediction a = updated.predict(p);
            Prediction b = refit.predict(p);
            assertThat(a.mean()).isCloseTo(b.mean(), within(1e-9));
            assertThat(a.variance()).isCloseTo(b.variance(), within(1e-9));
        }
        assertThat(updated.state().logMarginalLikelihood().getAsDouble())
                .isCloseTo(refit.state().logMarginalLikelihood().getAsDouble(), within(1e-5));
        assertThat(updated.predict(extraX).mean()).isCloseTo(1.7, within(0.3));
    }

    @Test
    void interpolatesSmoothDataAndKnowsWhereItIsUncertain() {
        TrainingSet t = data(30, 1, 4);
        SurrogateModel model = GaussianProcess.builder().seed(4).build().fit(t);
        Prediction near = model.predict(new double[] {0.5});
        assertThat(near.mean()).isCloseTo(Math.sin(2) + 0.005, within(0.05));
        Prediction far = model.predict(new double[] {3});
        assertThat(far.variance()).isGreaterThan(100 * near.variance());
        ModelState s = model.state();
        assertThat(s.kind()).isEqualTo("gp-matern52");
        assertThat(s.trainingSize()).isEqualTo(30);
        assertThat(s.dataHash()).hasSize(64).isEqualTo(t.hash());
        assertThat(s.crossValidatedRmse().getAsDouble()).isBetween(0.0, 0.1);
    }

    @Test
    void survivesDuplicatedInputsWithTinyFixedNoise() {
        double[][] x = new double[20][];
        double[] y = new double[20];
        for (int i = 0; i < 20; i++) {
            x[i] = new double[] {i % 5 / 4.0, 0.5};
            y[i] = i % 5 + (i >= 10 ? 1e-3 : 0);
        }
        SurrogateModel model = GaussianProcess.builder().fixedNoise(1e-12).seed(0).build()
                .fit(TrainingSet.of(x, y));
        assertThat(model.state().logMarginalLikelihood().getAsDouble()).isFinite();
        assertThat(model.predict(new double[] {0.6, 0.5}).variance()).isFinite().isGreaterThanOrEqualTo(0);
        assertThat(model.predict(new double[] {0.5, 0.5}).mean()).isCloseTo(2, within(0.05));
        SurrogateModel same = model.withPoint(new double[] {0.5, 0.5}, 2, 0);
        assertThat(same.predict(new double[] {0.5, 0.5}).mean()).isCloseTo(2, within(0.05));
    }

    @Test
    void fitsASinglePointAndConstantTargets() {
        SurrogateModel one = GaussianProcess.create().fit(TrainingSet.of(new double[][] {{0.3}}, new double[] {5}));
        assertThat(one.predict(new double[] {0.3}).mean()).isCloseTo(5, within(1e-6));
        double[][] x = {{0}, {0.5}, {1}};
        SurrogateModel flat = GaussianProcess.create().fit(TrainingSet.of(x, new double[] {2, 2, 2}));
        assertThat(flat.predict(new double[] {0.25}).mean()).isCloseTo(2, within(1e-6));
    }

    @Test
    void rejectsBadArguments() {
        assertThatThrownBy(() -> GaussianProcess.builder().fixedNoise(-1)).hasMessageContaining("-1");
        assertThatThrownBy(() -> GaussianProcess.create().fit(TrainingSet.of(new double[0][], new double[0])))
                .hasMessageContaining("at least one point");
        SurrogateModel m = GaussianProcess.create().fit(data(5, 2, 1));
        assertThatThrownBy(() -> m.predict(new double[3])).hasMessageContaining("width 2");
        assertThatThrownBy(() -> GaussianProcess.builder().kernel(Kernel.RBF).fixedHyperparameters(m.state()).build())
                .hasMessageContaining("gp-matern52");
    }
}
