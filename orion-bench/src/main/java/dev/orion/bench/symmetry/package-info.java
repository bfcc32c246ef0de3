/**
 * Symmetry benchmarks: space-group analysis throughput side by side with python3-spglib on the
 * same files, and a random-crystal cross-check against spglib.
 */
package dev.orion.bench.symmetry;
