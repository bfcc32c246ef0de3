/**
 * Crystallographic symmetry vocabulary: {@link dev.orion.symmetry.SymmetryOperation} (a
 * rotation plus a translation in fractional coordinates, parsed from and printed as CIF
 * {@code x,y,z} strings), {@link dev.orion.symmetry.SpaceGroupType} (one of the 530 Hall
 * settings of the 230 space-group types) and {@link dev.orion.symmetry.CrystalSystem}.
 *
 * <p>The table of settings and the operations of each live in {@code orion-core}
 * ({@code dev.orion.symmetry.SpaceGroups}).
 */
package dev.orion.symmetry;
