package dev.orion.analysis.features;

import dev.orion.structure.Structure;

/**
 * A fixed-length vector describing a crystal structure, for storing in a
 * {@link dev.orion.store.VectorIndex} collection and searching by cosine or Euclidean distance.
 *
 * <ul>
 *   <li>{@link #prototype()} ignores which elements sit where and describes only the arrangement: a
 *       radial distribution in units of the shortest bond, the same distribution restricted to pairs of
 *       unlike atoms (chemical order without naming species), the anonymous stoichiometry and the crystal
 *       system. Every rock-salt structure (NaCl, MgO, KBr, ...) gets the same vector; CsCl, zinc blende
 *       and fcc metals get other ones.</li>
 *   <li>{@link #elementSpecific()} is the prototype vector followed by the atomic fractions of the
 *       elements, so it matches the same arrangement of the same elements (NaCl is nearer to KCl, which
 *       shares Cl, than to MgO).</li>
 * </ul>
 *
 * <pre>{@code
 * StructureFingerprint fp = StructureFingerprint.prototype();
 * vectors.upsert(fp.name(), List.of(VectorEntry.of("mp-22862", fp.vector(nacl))));
 * vectors.nearest(fp.name(), fp.vector(mgo), 5, VectorMetric.COSINE);   // rock salts first
 * }</pre>
 *
 * Implementations are immutable and safe for concurrent use.
 */
public interface StructureFingerprint {

    /** @return the name of this fingerprint, also a good collection name ({@code "structure-prototype"}, ...) */
    String name();

    /** @return the length of every vector this fingerprint computes */
    int dimension();

    /**
     * @param structure a periodic structure with at least one site
     * @return its fingerprint, {@link #dimension()} finite components, not all zero
     * @throws IllegalArgumentException if the structure has no sites
     */
    float[] vector(Structure structure);

    /** @return the species-agnostic fingerprint (matches across chemistry) */
    static StructureFingerprint prototype() {
        return PrototypeFingerprint.INSTANCE;
    }

    /** @return the prototype fingerprint extended by the element fractions (matches the same chemistry) */
    static StructureFingerprint elementSpecific() {
        return ElementFingerprint.INSTANCE;
    }
}
