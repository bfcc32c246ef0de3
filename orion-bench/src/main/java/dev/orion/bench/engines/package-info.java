/**
 * Side-by-side benchmarks of the engines: the built-in EAM engine against serial LAMMPS on the same
 * 32,000-atom copper cell, and ORION's overhead per local job. Each prints ratios measured in one run.
 */
package dev.orion.bench.engines;
