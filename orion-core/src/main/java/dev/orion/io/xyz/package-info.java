/**
 * XYZ and extended XYZ files: {@link dev.orion.io.xyz.XyzReader} reads multi-frame files (frames
 * with a {@code Lattice="..."} become periodic structures, the others molecules, per-atom columns
 * named in {@code Properties=} become site properties, other {@code key=value} pairs structure
 * properties); {@link dev.orion.io.xyz.XyzWriter} writes plain XYZ (Cartesian positions only) or
 * extended XYZ (lattice, properties, full precision).
 */
package dev.orion.io.xyz;
