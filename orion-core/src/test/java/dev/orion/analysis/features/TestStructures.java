package dev.orion.analysis.features;

import dev.orion.structure.Element;
import dev.orion.structure.Lattice;
import dev.orion.structure.Structure;
import dev.orion.structure.StructureBuilder;

/** Textbook crystals built by hand for feature tests. */
final class TestStructures {

    private TestStructures() {
    }

    /** Rock salt AB (Fm-3m), conventional cell of 8 atoms. */
    static Structure rockSalt(Element a, Element b, double edge) {
        StructureBuilder s = Structure.builder().lattice(Lattice.cubic(edge));
        double[][] fcc = {{0, 0, 0}, {0.5, 0.5, 0}, {0.5, 0, 0.5}, {0, 0.5, 0.5}};
        for (double[] p : fcc) {
            s.addSite(a, p[0], p[1], p[2]);
        }
        for (double[] p : fcc) {
            s.addSite(b, p[0] + 0.5, p[1], p[2]);
        }
        return s.build();
    }

    /** Caesium chloride type AB (Pm-3m). */
    static Structure cesiumChloride(Element a, Element b, double edge) {
        return Structure.builder().lattice(Lattice.cubic(edge))
                .addSite(a, 0, 0, 0).addSite(b, 0.5, 0.5, 0.5).build();
    }

    /** Body-centred cubic element, conventional cell. */
    static Structure bcc(Element e, double edge) {
        return Structure.builder().lattice(Lattice.cubic(edge))
                .addSite(e, 0, 0, 0).addSite(e, 0.5, 0.5, 0.5).build();
    }

    /** Face-centred cubic element, conventional cell. */
    static Structure fcc(Element e, double edge) {
        return Structure.builder().lattice(Lattice.cubic(edge))
                .addSite(e, 0, 0, 0).addSite(e, 0.5, 0.5, 0).addSite(e, 0.5, 0, 0.5).addSite(e, 0, 0.5, 0.5).build();
    }
}
