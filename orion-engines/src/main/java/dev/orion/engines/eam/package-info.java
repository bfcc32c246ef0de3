/**
 * Built-in engines that need nothing installed: {@link dev.orion.engines.eam.EamEngine} (embedded-atom
 * method from LAMMPS potential files, with LAMMPS's own spline interpolation so that the numbers
 * agree) and {@link dev.orion.engines.eam.AnalyticTestEngine} (closed-form Lennard-Jones, for fast
 * tests of the machinery around engines).
 */
package dev.orion.engines.eam;
