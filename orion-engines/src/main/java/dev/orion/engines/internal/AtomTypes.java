package dev.orion.engines.internal;

import dev.orion.structure.Element;
import dev.orion.structure.Structure;
import java.util.ArrayList;
import java.util.List;

/**
 * How ORION's engines number atom types: each element by its first appearance in the structure,
 * as orion-core's {@code LammpsDataWriter} numbers them, so that type {@code i + 1} is element
 * {@code i} of {@link #order}.
 */
public final class AtomTypes {

    private AtomTypes() {
    }

    /**
     * @param s an ordered structure (one element per site)
     * @return its elements in type order
     */
    public static List<Element> order(Structure s) {
        List<Element> types = new ArrayList<>();
        for (int i = 0; i < s.size(); i++) {
            Element e = s.site(i).specie().element();
            if (!types.contains(e)) {
                types.add(e);
            }
        }
        return List.copyOf(types);
    }
}
