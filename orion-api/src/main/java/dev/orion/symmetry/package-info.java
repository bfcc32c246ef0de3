/**
 * Crystallographic symmetry vocabulary: {@link dev.orion.symmetry.SymmetryOperation} (a
 * rotation plus a translation in fractional coordinates, parsed from and printed as CIF
 * {@code x,y,z} strings), {@link dev.orion.symmetry.SpaceGroupType} (one of the 530 Hall
 * settings of the 230 space-group types), {@link dev.orion.symmetry.CrystalSystem}, and the result
 * of a symmetry analysis: {@link dev.orion.symmetry.SymmetryDataset} with its
 * {@link dev.orion.symmetry.SettingTransformation}, or a
 * {@link dev.orion.symmetry.SymmetryException} when the search fails.
 *
 * <p>The table of settings and the operations of each live in {@code orion-core}
 * ({@code dev.orion.analysis.symmetry.SpaceGroups}), and so does the analysis
 * ({@code dev.orion.analysis.symmetry.Symmetry}).
 */
package dev.orion.symmetry;
