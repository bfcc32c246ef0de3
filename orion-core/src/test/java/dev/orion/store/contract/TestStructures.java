package dev.orion.store.contract;

import dev.orion.structure.Element;
import dev.orion.structure.Lattice;
import dev.orion.structure.Site;
import dev.orion.structure.Species;
import dev.orion.structure.Structure;

/** Small structures with known formulas and space groups for the store tests. */
public final class TestStructures {

    private TestStructures() {
    }

    /** @return fcc copper, conventional cell: Cu4, 4 sites, Fm-3m (225) */
    public static Structure cu() {
        return Structure.builder().lattice(Lattice.cubic(3.61))
                .addSite(Element.Cu, 0, 0, 0).addSite(Element.Cu, 0.5, 0.5, 0)
                .addSite(Element.Cu, 0.5, 0, 0.5).addSite(Element.Cu, 0, 0.5, 0.5).build();
    }

    /** @return iron, bcc conventional cell: Fe2, 2 sites, Im-3m (229) */
    public static Structure fe() {
        return Structure.builder().lattice(Lattice.cubic(2.87))
                .addSite(Element.Fe, 0, 0, 0).addSite(Element.Fe, 0.5, 0.5, 0.5).build();
    }

    /** @return rock salt, conventional cell: Na4Cl4, 8 sites, Fm-3m (225) */
    public static Structure nacl() {
        var b = Structure.builder().lattice(Lattice.cubic(5.64));
        double[][] fcc = {{0, 0, 0}, {0.5, 0.5, 0}, {0.5, 0, 0.5}, {0, 0.5, 0.5}};
        for (double[] p : fcc) {
            b.addSite(Element.Na, p[0], p[1], p[2]);
        }
        for (double[] p : fcc) {
            b.addSite(Element.Cl, (p[0] + 0.5) % 1, p[1], p[2]);
        }
        return b.build();
    }

    /** @return cubic perovskite SrTiO3: 5 sites, Pm-3m (221) */
    public static Structure srTiO3() {
        return Structure.builder().lattice(Lattice.cubic(3.905))
                .addSite(Element.Sr, 0, 0, 0).addSite(Element.Ti, 0.5, 0.5, 0.5)
                .addSite(Element.O, 0.5, 0.5, 0).addSite(Element.O, 0.5, 0, 0.5).addSite(Element.O, 0, 0.5, 0.5).build();
    }

    /** @return a low-symmetry Fe2O3 cell (5 sites); {@code fe2o3().supercell(2, 1, 1)} is Fe4O6, same reduced formula */
    public static Structure fe2o3() {
        return Structure.builder().lattice(Lattice.orthorhombic(5.0, 6.0, 7.0))
                .addSite(Element.Fe, 0.1, 0.2, 0.3).addSite(Element.Fe, 0.6, 0.2, 0.8)
                .addSite(Element.O, 0.3, 0.5, 0.1).addSite(Element.O, 0.8, 0.5, 0.6).addSite(Element.O, 0.35, 0.9, 0.45)
                .build();
    }

    /** @return a layered LiCoO2 cell (4 sites) */
    public static Structure liCoO2() {
        return Structure.builder().lattice(Lattice.hexagonal(2.82, 14.05))
                .addSite(Element.Li, 0, 0, 0).addSite(Element.Co, 0, 0, 0.5)
                .addSite(Element.O, 0, 0, 0.26).addSite(Element.O, 0, 0, 0.74).build();
    }

    /** @return antifluorite Li2O, conventional cell: 12 sites */
    public static Structure li2O() {
        var b = Structure.builder().lattice(Lattice.cubic(4.61));
        double[][] fcc = {{0, 0, 0}, {0.5, 0.5, 0}, {0.5, 0, 0.5}, {0, 0.5, 0.5}};
        for (double[] p : fcc) {
            b.addSite(Element.O, p[0], p[1], p[2]);
        }
        for (double[] p : fcc) {
            b.addSite(Element.Li, p[0] + 0.25, p[1] + 0.25, p[2] + 0.25).addSite(Element.Li, p[0] + 0.75, p[1] + 0.75, p[2] + 0.75);
        }
        return b.build().wrapped();
    }

    /**
     * @return a disordered Cu-Au fcc cell with oxidation states, labels, site and structure properties:
     *         everything the JSON document carries
     */
    public static Structure decoratedCuAu() {
        return Structure.builder().lattice(Lattice.fromParameters(3.8, 3.9, 4.0, 90, 95.5, 120))
                .addSite(Site.builder().species(Species.of(Element.Cu, 1), 0.5).species(Element.Au, 0.5).frac(0, 0, 0).build())
                .addSite(Element.Au, 0.5, 0.5, 0).addSite(Element.Cu, 0.5, 0, 0.5)
                .addSite(Element.Cu, 0.1234567890123, 0.5, 0.5)
                .label(0, "M1").siteProperty(1, "magmom", 2.5).property("title", "decorated").build();
    }
}
