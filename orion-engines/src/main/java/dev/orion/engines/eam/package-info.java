/**
 * Built-in engines that need nothing installed: {@link dev.orion.engines.eam.EamEngine} (embedded-atom
 * method from LAMMPS potential files, with LAMMPS's own spline interpolation so that the numbers
 * agree).
 */
package dev.orion.engines.eam;
