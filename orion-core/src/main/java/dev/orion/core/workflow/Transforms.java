package dev.orion.core.workflow;

import static dev.orion.core.workflow.BuiltinStep.outputs;

import dev.orion.analysis.symmetry.Symmetry;
import dev.orion.structure.Element;
import dev.orion.structure.Lattice;
import dev.orion.structure.Site;
import dev.orion.structure.Structure;
import dev.orion.structure.StructureBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Transform steps: supercell, substitute, perturb, standardise, primitive, remove a site, strain, add vacuum. */
final class Transforms {

    private static final Param STRUCTURE = Param.required("structure", ValueType.STRUCTURE, "the structure to transform");
    private static final Param SYMPREC = Param.optional("symprec", ValueType.NUMBER, 1e-3, "symmetry tolerance in Å");

    private Transforms() {
    }

    static List<StepType> all() {
        return List.of(
                step("transform.supercell", "repeats the cell na x nb x nc times",
                        List.of(STRUCTURE, Param.required("scaling", ValueType.listOf(ValueType.INTEGER), "[na, nb, nc]")), c -> {
                            List<Object> n = c.list("scaling");
                            if (n.size() != 3) {
                                throw new IllegalArgumentException("scaling needs 3 integers, got " + n);
                            }
                            return c.structure("structure").supercell(i(n.get(0)), i(n.get(1)), i(n.get(2)));
                        }).check(m -> m.get("scaling") instanceof List<?> l && (l.size() != 3 || l.stream().anyMatch(v -> !(v instanceof Long x) || x < 1))
                                ? List.of("scaling: needs three positive integers [na, nb, nc], got " + l) : List.of()),
                step("transform.substitute", "replaces an element by another, on every site or on one site",
                        List.of(STRUCTURE, Param.required("from", ValueType.STRING, "the element to replace"),
                                Param.required("to", ValueType.STRING, "the element to put in"),
                                Param.optional("site", ValueType.INTEGER, -1L, "only this site (0-based), -1 for all")),
                        c -> substitute(c.structure("structure"), Element.of(c.string("from")), Element.of(c.string("to")),
                                (int) c.number("site"))),
                step("transform.perturb", "moves every atom by a random vector of the given length (seeded, reproducible)",
                        List.of(STRUCTURE, Param.required("distance", ValueType.NUMBER, "the displacement in Å"),
                                Param.optional("seed", ValueType.INTEGER, 0L, "the random seed")),
                        c -> perturb(c.structure("structure"), c.number("distance"), (long) c.number("seed"))),
                step("transform.standardise", "the standard conventional cell (as spglib's standardize_cell)",
                        List.of(STRUCTURE, SYMPREC), c -> Symmetry.of(c.structure("structure"), c.number("symprec")).conventional()),
                step("transform.primitive", "the standard primitive cell (as spglib's standardize_cell with to_primitive)",
                        List.of(STRUCTURE, SYMPREC), c -> Symmetry.of(c.structure("structure"), c.number("symprec")).primitive()),
                step("transform.remove_site", "removes one site (a vacancy)",
                        List.of(STRUCTURE, Param.optional("site", ValueType.INTEGER, 0L, "the site to remove (0-based)")),
                        c -> removeSite(c.structure("structure"), (int) c.number("site"))),
                step("transform.strain", "deforms the cell by a strain in Voigt notation, shear as engineering strain",
                        List.of(STRUCTURE, Param.required("strain", ValueType.listOf(ValueType.NUMBER), "[exx, eyy, ezz, gyz, gxz, gxy]")), c -> {
                            List<Object> e = c.list("strain");
                            if (e.size() != 6) {
                                throw new IllegalArgumentException("strain needs 6 numbers, got " + e);
                            }
                            double[] v = e.stream().mapToDouble(x -> ((Number) x).doubleValue()).toArray();
                            Structure s = c.structure("structure");
                            return s.withLattice(deform(s.lattice(), v));
                        }).check(m -> m.get("strain") instanceof List<?> l && l.size() != 6
                                ? List.of("strain: needs six numbers [exx, eyy, ezz, gyz, gxz, gxy], got " + l.size()) : List.of()),
                step("transform.vacuum", "a slab: adds vacuum along c, keeping the atoms' Cartesian positions",
                        List.of(STRUCTURE, Param.required("thickness", ValueType.NUMBER, "the vacuum in Å")),
                        c -> vacuum(c.structure("structure"), StructureSteps.positive(c.number("thickness"), "thickness"))));
    }

    private static BuiltinStep step(String name, String description, List<Param> params, StructureBody body) {
        return new BuiltinStep(name, description, params, outputs("structure", ValueType.STRUCTURE),
                c -> Map.of("structure", body.apply(c)));
    }

    /** A transform's work. */
    @FunctionalInterface
    private interface StructureBody {
        Structure apply(StepContext c) throws Exception;
    }

    private static int i(Object n) {
        return ((Number) n).intValue();
    }

    /**
     * @param lattice a lattice
     * @param voigt   [exx, eyy, ezz, gyz, gxz, gxy] (engineering shear)
     * @return the lattice deformed by F = I + e (symmetric e), rows multiplied by F transposed
     */
    static Lattice deform(Lattice lattice, double[] voigt) {
        double[][] f = {
            {1 + voigt[0], voigt[5] / 2, voigt[4] / 2},
            {voigt[5] / 2, 1 + voigt[1], voigt[3] / 2},
            {voigt[4] / 2, voigt[3] / 2, 1 + voigt[2]}};
        double[][] m = lattice.matrix();
        double[][] out = new double[3][3];
        for (int r = 0; r < 3; r++) {
            for (int j = 0; j < 3; j++) {
                out[r][j] = m[r][0] * f[j][0] + m[r][1] * f[j][1] + m[r][2] * f[j][2];
            }
        }
        return Lattice.of(out);
    }

    static Structure substitute(Structure s, Element from, Element to, int site) {
        if (site >= s.size()) {
            throw new IllegalArgumentException("site must be below the structure's " + s.size() + " sites, got " + site);
        }
        StructureBuilder b = Structure.builder().lattice(s.lattice());
        boolean found = false;
        for (int i = 0; i < s.size(); i++) {
            Site x = s.site(i);
            boolean match = x.isOrdered() && x.specie().element() == from && (site < 0 || site == i);
            found |= match;
            b.addSite(match ? StructureSteps.withSpecies(x, to) : x);
        }
        if (!found) {
            throw new IllegalArgumentException("no site of " + from.symbol() + (site >= 0 ? " at index " + site : "") + " in " + s.formula());
        }
        return b.build();
    }

    private static Structure perturb(Structure s, double distance, long seed) {
        if (!(distance >= 0) || !Double.isFinite(distance)) {
            throw new IllegalArgumentException("distance must be >= 0, got " + distance);
        }
        Random random = new Random(seed);
        StructureBuilder b = Structure.builder().lattice(s.lattice());
        for (int i = 0; i < s.size(); i++) {
            double[] d = {random.nextGaussian(), random.nextGaussian(), random.nextGaussian()};
            double norm = Math.sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
            double[] cart = s.lattice().toCartesian(s.site(i).frac());
            double[] f = s.lattice().toFractional(new double[] {cart[0] + d[0] / norm * distance, cart[1] + d[1] / norm * distance,
                cart[2] + d[2] / norm * distance});
            b.addSite(s.site(i).toBuilder().frac(f[0], f[1], f[2]).build());
        }
        return b.build();
    }

    private static Structure removeSite(Structure s, int site) {
        if (site < 0 || site >= s.size() || s.size() < 2) {
            throw new IllegalArgumentException("site must be one of the " + s.size() + " sites (and one must remain), got " + site);
        }
        StructureBuilder b = Structure.builder().lattice(s.lattice());
        for (int i = 0; i < s.size(); i++) {
            if (i != site) {
                b.addSite(s.site(i));
            }
        }
        return b.build();
    }

    private static Structure vacuum(Structure s, double thickness) {
        double[][] m = s.lattice().matrix();
        double c = s.lattice().c();
        double scale = (c + thickness) / c;
        Lattice longer = Lattice.of(new double[][] {m[0], m[1], {m[2][0] * scale, m[2][1] * scale, m[2][2] * scale}});
        List<Site> sites = new ArrayList<>();
        for (int i = 0; i < s.size(); i++) {
            double[] f = longer.toFractional(s.lattice().toCartesian(s.site(i).frac()));
            sites.add(s.site(i).toBuilder().frac(f[0], f[1], f[2]).build());
        }
        return Structure.builder().lattice(longer).addSites(sites).build();
    }
}
