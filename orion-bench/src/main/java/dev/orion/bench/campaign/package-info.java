/**
 * Campaign benchmarks: the exact Gaussian process against scikit-learn ({@link dev.orion.bench.campaign.GpVsSklearn})
 * and the closed-loop regret study on Branin, Hartmann-6 and BraninCurrin
 * ({@link dev.orion.bench.campaign.RegretStudy}).
 */
package dev.orion.bench.campaign;
