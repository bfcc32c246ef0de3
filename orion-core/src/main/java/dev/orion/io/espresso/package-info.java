/**
 * Quantum ESPRESSO pw.x input files (PWscf): {@link dev.orion.io.espresso.PwscfReader} reads the
 * structure (namelists, {@code ibrav} 0/1/2/3/-3, {@code CELL_PARAMETERS}, {@code ATOMIC_SPECIES},
 * {@code ATOMIC_POSITIONS}); {@link dev.orion.io.espresso.PwscfWriter} writes a complete minimal
 * input with {@code ibrav = 0}. Both are registered in {@link dev.orion.io.Structures}. Lengths in
 * bohr use pw.x 6.7's conversion, 1 bohr = 0.529177210903 Å.
 */
package dev.orion.io.espresso;
