/** Sample: space-group analysis, Wyckoff positions, standard cells and lattice reduction. */
package dev.orion.samples.symmetry;
