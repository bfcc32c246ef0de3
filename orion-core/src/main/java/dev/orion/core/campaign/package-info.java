/**
 * Campaign algorithms over the api's {@code dev.orion.campaign} vocabulary, all pure (no I/O):
 * surrogates in {@code .gp}, strategies and acquisition functions in {@code .strategy}, active-learning
 * selectors in {@code .selection}, and here the Pareto-front and hypervolume utilities that
 * multi-objective strategies and reports share.
 */
package dev.orion.core.campaign;
