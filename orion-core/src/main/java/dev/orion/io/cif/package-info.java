/**
 * CIF 1.1 reading and writing: {@link dev.orion.io.cif.CifReader} (a lexer and parser of its own,
 * symmetry expansion through {@code dev.orion.analysis.symmetry.SpaceGroups}) and
 * {@link dev.orion.io.cif.CifWriter} (P1, every site). Both are registered with
 * {@link dev.orion.io.Structures}; use them through it unless you need them directly.
 */
package dev.orion.io.cif;
