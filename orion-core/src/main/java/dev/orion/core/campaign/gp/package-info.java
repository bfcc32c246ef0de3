/**
 * Surrogate models for campaigns: an exact Gaussian process ({@link dev.orion.core.campaign.gp.GaussianProcess},
 * Matérn 5/2 or RBF kernels with one length scale per feature, learned or fixed noise, hyperparameters by
 * multi-start maximisation of the log marginal likelihood with analytic gradients, blocked pure-Java Cholesky,
 * rank-one updates) and a bootstrap committee ({@link dev.orion.core.campaign.gp.BootstrapCommittee}) for
 * query by committee.
 *
 * <pre>{@code
 * SurrogateModel model = GaussianProcess.builder().kernel(Kernel.MATERN_52).seed(7).build()
 *         .fit(TrainingSet.of(x, y));
 * Prediction p = model.predict(new double[] {0.3, 0.8});
 * }</pre>
 */
package dev.orion.core.campaign.gp;
