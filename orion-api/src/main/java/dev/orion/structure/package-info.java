/**
 * The structure model: {@link dev.orion.structure.Element}, {@link dev.orion.structure.Species},
 * {@link dev.orion.structure.Composition}, {@link dev.orion.structure.Lattice},
 * {@link dev.orion.structure.Site}, {@link dev.orion.structure.Structure} (periodic crystals, stored
 * column-wise so that millions of sites stay cheap), {@link dev.orion.structure.Molecule} and the
 * {@link dev.orion.structure.StructureFormat}s that readers and writers in orion-core handle.
 *
 * <p>All types are immutable values; builders collect sites and properties. Fractional coordinates
 * are row vectors: {@code cart = frac . M}, where the rows of {@code M} are the lattice vectors.
 */
package dev.orion.structure;
