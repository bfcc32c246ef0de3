/**
 * The LAMMPS engine ({@link dev.orion.engines.lammps.LammpsEngine}): writes a data file (through
 * orion-core's {@code LammpsDataWriter}) and an input script for single points, relaxations and MD
 * with typed potentials, and parses the log's thermo blocks, the final dump and LAMMPS's
 * {@code ERROR ...} / {@code Last command} lines.
 */
package dev.orion.engines.lammps;
