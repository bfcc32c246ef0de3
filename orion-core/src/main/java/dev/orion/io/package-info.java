/**
 * Reading and writing structure files.
 *
 * <p>{@link dev.orion.io.Structures} is the entry point: {@code Structures.read(path)},
 * {@code Structures.readAll(path)} (every structure of a multi-block CIF or multi-frame XYZ, with
 * the warnings collected while reading), {@code Structures.write(structure, format)}. Each format
 * lives in its own sub-package ({@code cif}, {@code vasp}, {@code xyz}, {@code lammps},
 * {@code espresso}, {@code json}) behind the {@link dev.orion.io.StructureReader} and
 * {@link dev.orion.io.StructureWriter} SPIs; {@link dev.orion.io.internal.SourceText} gives every reader the
 * same line-and-column error reporting.
 */
package dev.orion.io;

