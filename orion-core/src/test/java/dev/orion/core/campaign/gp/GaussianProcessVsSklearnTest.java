package dev.orion.core.campaign.gp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.orion.campaign.ModelState;
import dev.orion.campaign.Prediction;
import dev.orion.campaign.SurrogateModel;
import dev.orion.campaign.TrainingSet;
import dev.orion.core.campaign.Sklearn;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** ORION's GP against scikit-learn's GaussianProcessRegressor with the same kernel on the same data. */
class GaussianProcessVsSklearnTest {

    @BeforeAll
    static void sklearn() {
        Sklearn.require();
    }

    @ParameterizedTest
    @EnumSource(Kernel.class)
    void reachesAtLeastSklearnsLogMarginalLikelihoodAndPredictsTheSame(Kernel kernel) throws Exception {
        SplittableRandom random = new SplittableRandom(11);
        int n = 40;
        double[][] x = new double[n][3];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 3; j++) {
                x[i][j] = random.nextDouble();
            }
            y[i] = 3 * Math.sin(3 * x[i][0]) + 2 * x[i][1] * x[i][1] - 0.5 * x[i][2] + 0.05 * gaussian(random);
        }
        double[][] test = new double[10][3];
        for (double[] t : test) {
            for (int j = 0; j < 3; j++) {
                t[j] = random.nextDouble();
            }
        }
        SurrogateModel model = GaussianProcess.builder().kernel(kernel).seed(3).build().fit(TrainingSet.of(x, y));
        ModelState state = model.state();

        String k = kernel == Kernel.RBF ? "RBF(length_scale=[0.5]*3, length_scale_bounds=(1e-3, 1e3))"
                : "Matern(length_scale=[0.5]*3, length_scale_bounds=(1e-3, 1e3), nu=2.5)";
        double[] sk = Sklearn.run(String.join("\n",
                "import numpy as np",
                "from sklearn.gaussian_process import GaussianProcessRegressor",
                "from sklearn.gaussian_process.kernels import ConstantKernel, Matern, RBF, WhiteKernel",
                "X = np.array(" + Sklearn.literal(x) + "); y = np.array(" + Sklearn.literal(y) + ")",
                "T = np.array(" + Sklearn.literal(test) + ")",
                "kernel = ConstantKernel(1.0, (1e-3, 1e3)) * " + k + " + WhiteKernel(1e-2, (1e-8, 10))",
                "gp = GaussianProcessRegressor(kernel=kernel, normalize_y=True, n_restarts_optimizer=4, random_state=0)",
                "gp.fit(X, y)",
                "m, s = gp.predict(T, return_std=True)",
                "print(gp.log_marginal_likelihood_value_, *m, *s)"));

        double sklearnLml = sk[0];
        assertThat(state.logMarginalLikelihood().getAsDouble()).isGreaterThanOrEqualTo(sklearnLml - 1e-3);
        double noise = state.hyperparameter("noiseVariance") * Math.pow(state.hyperparameter("targetScale"), 2);
        for (int i = 0; i < test.length; i++) {
            Prediction p = model.predict(test[i]);
            assertThat(p.mean()).as("mean at test point %d", i).isCloseTo(sk[1 + i], within(0.05));
            assertThat(Math.sqrt(p.variance() + noise)).as("sd at test point %d", i)
                    .isCloseTo(sk[11 + i], within(0.02 + 0.1 * sk[11 + i]));
        }
    }

    private static double gaussian(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }
}
