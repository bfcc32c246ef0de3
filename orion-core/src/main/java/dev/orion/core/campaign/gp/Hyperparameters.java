package dev.orion.core.campaign.gp;

/**
 * A Gaussian process's hyperparameters on standardised targets.
 *
 * @param lengthScales   one per input feature
 * @param signalVariance the kernel's amplitude
 * @param noiseVariance  the homoscedastic noise
 */
record Hyperparameters(double[] lengthScales, double signalVariance, double noiseVariance) {

    /** @param theta log length scales, log signal variance, then log noise variance unless fixed  @param fixedNoise noise if fixed, else NaN */
    static Hyperparameters fromLog(double[] theta, int d, double fixedNoise) {
        double[] l = new double[d];
        for (int j = 0; j < d; j++) {
            l[j] = Math.exp(theta[j]);
        }
        double noise = Double.isNaN(fixedNoise) ? Math.exp(theta[d + 1]) : fixedNoise;
        return new Hyperparameters(l, Math.exp(theta[d]), noise);
    }
}
