/**
 * Strategies that propose what to evaluate next, and the acquisition functions Bayesian optimisation
 * ranks candidates with. Start from {@link dev.orion.core.campaign.strategy.Strategies}: space-filling
 * designs (random, Sobol, Latin hypercube, grid), Bayesian optimisation
 * ({@link dev.orion.core.campaign.strategy.BayesianOptimization}: EI, log-EI, PI, UCB, noisy EI; batches
 * and pending evaluations through kriging-believer fantasies), multi-objective optimisation
 * ({@link dev.orion.core.campaign.strategy.MultiObjectiveOptimization}: ParEGO and expected hypervolume
 * improvement) and a genetic algorithm ({@link dev.orion.core.campaign.strategy.GeneticAlgorithm}, NSGA-II).
 * Every strategy is pure and seeded: the same request gives the same proposals.
 */
package dev.orion.core.campaign.strategy;
