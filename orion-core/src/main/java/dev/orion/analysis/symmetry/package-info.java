/**
 * Space groups and symmetry analysis: {@link dev.orion.analysis.symmetry.Symmetry} finds the space group,
 * operations, equivalent sites and standardised cells of a structure as spglib does;
 * {@link dev.orion.analysis.symmetry.LatticeReduction} gives Niggli and Delaunay bases;
 * {@link dev.orion.analysis.symmetry.SpaceGroups} looks up the 530 Hall settings of the 230 space-group
 * types by number, Hermann–Mauguin symbol, Hall symbol or operation set, and returns the
 * operations of each, generated from its Hall symbol.
 */
package dev.orion.analysis.symmetry;
