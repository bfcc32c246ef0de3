package dev.orion.analysis.features;

import dev.orion.structure.Composition;
import dev.orion.structure.Element;
import dev.orion.structure.Structure;

/**
 * The fingerprint of {@link StructureFingerprint#elementSpecific()}: the prototype vector followed by
 * the atomic fraction of every element (H to Og, {@value #ELEMENTS} components) scaled to unit length,
 * so arrangement and chemistry weigh the same.
 */
final class ElementFingerprint implements StructureFingerprint {

    static final ElementFingerprint INSTANCE = new ElementFingerprint();
    private static final int ELEMENTS = 118;

    private ElementFingerprint() {
    }

    @Override
    public String name() {
        return "structure-element-specific";
    }

    @Override
    public int dimension() {
        return PrototypeFingerprint.DIMENSION + ELEMENTS;
    }

    @Override
    public float[] vector(Structure structure) {
        float[] prototype = PrototypeFingerprint.INSTANCE.vector(structure);
        Composition c = structure.composition();
        double[] fractions = new double[ELEMENTS];
        for (Element e : c.elements()) {
            fractions[e.z() - 1] = c.fraction(e);
        }
        double[] block = new double[ELEMENTS];
        PrototypeFingerprint.put(block, 0, fractions, 1);
        float[] v = new float[dimension()];
        System.arraycopy(prototype, 0, v, 0, prototype.length);
        for (int k = 0; k < ELEMENTS; k++) {
            v[prototype.length + k] = (float) block[k];
        }
        return v;
    }

    @Override
    public String toString() {
        return "StructureFingerprint[" + name() + ", dimension " + dimension() + "]";
    }
}
