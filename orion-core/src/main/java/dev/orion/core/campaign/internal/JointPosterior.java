package dev.orion.core.campaign.internal;

/**
 * A fitted model that knows the joint posterior of its latent function, not only the marginals: what
 * Monte Carlo batch acquisitions (qEI, qNEI) sample from. The exact GP implements it.
 */
public interface JointPosterior {

    /**
     * @param a inputs
     * @param b inputs of the same width
     * @return the posterior covariance of the latent function between each {@code a[i]} and {@code b[j]},
     *         in squared target units
     */
    double[][] covariance(double[][] a, double[][] b);
}
