/**
 * LAMMPS data files: {@link dev.orion.io.lammps.LammpsDataReader} reads the atomic, charge, full and
 * molecular atom styles with orthogonal or triclinic boxes; {@link dev.orion.io.lammps.LammpsDataWriter}
 * writes files that LAMMPS's {@code read_data} accepts (atomic or charge style, box rotated into
 * LAMMPS's lower-triangular convention). Both are registered in {@link dev.orion.io.Structures}.
 */
package dev.orion.io.lammps;
