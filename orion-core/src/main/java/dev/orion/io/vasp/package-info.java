/**
 * VASP POSCAR and CONTCAR files: {@link dev.orion.io.vasp.PoscarReader} reads VASP 4 and 5
 * layouts (with or without the species line, selective dynamics, Direct or Cartesian
 * coordinates, every form of the scale line), {@link dev.orion.io.vasp.PoscarWriter} writes the
 * VASP 5 layout with full-precision Direct coordinates.
 */
package dev.orion.io.vasp;
