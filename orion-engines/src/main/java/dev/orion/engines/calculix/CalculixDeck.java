package dev.orion.engines.calculix;

import dev.orion.engine.continuum.Analysis;
import dev.orion.engine.continuum.Constraint;
import dev.orion.engine.continuum.Elasticity;
import dev.orion.engine.continuum.Load;
import dev.orion.engine.continuum.Material;
import dev.orion.engine.continuum.Mesh;
import dev.orion.engine.FiniteElement;
import dev.orion.engine.Vector3;
import java.util.List;

/**
 * Writes the CalculiX input deck of a {@link FiniteElement} calculation: the mesh as {@code C3D8}
 * elements in the set {@code EALL}, nodes in {@code NALL}, the node and element sets, the material, one step of
 * the analysis with its constraints and loads, and print requests that put the results into the
 * {@code .dat} file ({@code U} and {@code S} for static, {@code NT} for heat, at the end of a transient
 * step; frequencies print by themselves) and the same nodal quantities into the {@code .frd} file
 * (where stresses are extrapolated to the nodes; a frequency analysis writes its mode shapes there).
 */
final class CalculixDeck {

    /** The set names the deck defines itself; mesh node sets may not reuse them. */
    static final List<String> RESERVED_SETS = List.of("NALL", "EALL");

    private CalculixDeck() {
    }

    static String write(FiniteElement fe) {
        StringBuilder d = new StringBuilder("*HEADING\nORION finite-element calculation (").append(fe.analysis().kind())
                .append(")\n");
        Mesh mesh = fe.mesh();
        d.append("*NODE, NSET=NALL\n");
        for (int i = 0; i < mesh.nodes().size(); i++) {
            Vector3 v = mesh.nodes().get(i);
            d.append(i + 1).append(", ").append(num(v.x())).append(", ").append(num(v.y())).append(", ")
                    .append(num(v.z())).append('\n');
        }
        d.append("*ELEMENT, TYPE=C3D8, ELSET=EALL\n");
        for (int j = 0; j < mesh.elements().size(); j++) {
            d.append(j + 1);
            mesh.elements().get(j).forEach(n -> d.append(", ").append(n));
            d.append('\n');
        }
        mesh.nodeSets().forEach((name, ids) -> {
            d.append("*NSET, NSET=").append(name).append('\n');
            for (int k = 0; k < ids.size(); k++) {
                d.append(ids.get(k)).append(k % 8 == 7 || k == ids.size() - 1 ? ",\n" : ", ");
            }
        });
        mesh.elementSets().forEach((name, ids) -> {
            d.append("*ELSET, ELSET=").append(name).append('\n');
            for (int k = 0; k < ids.size(); k++) {
                d.append(ids.get(k)).append(k % 8 == 7 || k == ids.size() - 1 ? ",\n" : ", ");
            }
        });
        material(d, fe.material());
        d.append("*SOLID SECTION, ELSET=EALL, MATERIAL=").append(fe.material().name()).append('\n');
        Analysis a = fe.analysis();
        if (a instanceof Analysis.TransientHeat t) {
            d.append("*INITIAL CONDITIONS, TYPE=TEMPERATURE\nNALL, ").append(num(t.initialTemperature())).append('\n');
            // ccx stops a step after 100 increments unless told otherwise
            d.append("*STEP, INC=").append(t.increments() + 10).append('\n');
        } else {
            d.append("*STEP\n");
        }
        if (a instanceof Analysis.Static) {
            d.append("*STATIC\n");
        } else if (a instanceof Analysis.SteadyHeat) {
            d.append("*HEAT TRANSFER, STEADY STATE\n");
        } else if (a instanceof Analysis.TransientHeat t) {
            // DIRECT: fixed increments of timeStep, no automatic step control
            d.append("*HEAT TRANSFER, DIRECT\n").append(num(t.timeStep())).append(", ").append(num(t.duration())).append('\n');
        } else {
            d.append("*FREQUENCY\n").append(((Analysis.Frequency) a).modes()).append('\n');
        }
        if (!fe.constraints().isEmpty()) {
            d.append("*BOUNDARY\n");
            for (Constraint c : fe.constraints()) {
                if (c instanceof Constraint.Displacement u) {
                    d.append(u.nodeSet()).append(", ").append(u.direction()).append(", ").append(u.direction())
                            .append(", ").append(num(u.value())).append('\n');
                } else {
                    Constraint.Temperature t = (Constraint.Temperature) c;
                    d.append(t.nodeSet()).append(", 11, 11, ").append(num(t.kelvin())).append('\n');
                }
            }
        }
        for (Load l : fe.loads()) {
            if (l instanceof Load.NodalForce f) {
                double perNode = f.total() / mesh.nodeSet(f.nodeSet()).size();
                d.append("*CLOAD\n").append(f.nodeSet()).append(", ").append(f.direction()).append(", ")
                        .append(num(perNode)).append('\n');
            } else if (l instanceof Load.Pressure p) {
                d.append("*DLOAD\n");
                for (int[] face : faces(mesh, p.nodeSet())) {
                    d.append(face[0]).append(", P").append(face[1]).append(", ").append(num(p.pascals())).append('\n');
                }
            } else {
                d.append("*DFLUX\nEALL, BF, ").append(num(((Load.BodyHeat) l).wattsPerCubicMetre())).append('\n');
            }
        }
        if (a instanceof Analysis.Static) {
            // the .frd gets the stresses extrapolated to the nodes, which the .dat's integration points lack
            d.append("*NODE PRINT, NSET=NALL\nU\n*EL PRINT, ELSET=EALL\nS\n*NODE FILE\nU\n*EL FILE\nS\n");
        } else if (a instanceof Analysis.SteadyHeat) {
            d.append("*NODE PRINT, NSET=NALL\nNT\n*NODE FILE\nNT\n");
        } else if (a instanceof Analysis.Frequency) {
            // the mode shapes: one displacement block per mode in the .frd
            d.append("*NODE FILE\nU\n");
        } else if (a instanceof Analysis.TransientHeat t) {
            // print only at the end of the step, not at every increment
            d.append("*NODE PRINT, NSET=NALL, FREQUENCY=").append(t.increments()).append("\nNT\n")
                    .append("*NODE FILE, FREQUENCY=").append(t.increments()).append("\nNT\n");
        }
        d.append("*END STEP\n");
        return d.toString();
    }

    /** The nodes (positions 0-7 in the element) of C3D8 faces 1 to 6, as CalculiX numbers them. */
    private static final int[][] FACES = {{0, 1, 2, 3}, {4, 7, 6, 5}, {0, 4, 5, 1}, {1, 5, 6, 2}, {2, 6, 7, 3}, {3, 7, 4, 0}};

    /** @return (element id, face number) of every element face whose four nodes are all in the set */
    static List<int[]> faces(Mesh mesh, String nodeSet) {
        java.util.Set<Integer> in = new java.util.HashSet<>(mesh.nodeSet(nodeSet));
        List<int[]> out = new java.util.ArrayList<>();
        for (int e = 0; e < mesh.elements().size(); e++) {
            List<Integer> nodes = mesh.elements().get(e);
            for (int f = 0; f < FACES.length; f++) {
                boolean all = true;
                for (int k : FACES[f]) {
                    all &= in.contains(nodes.get(k));
                }
                if (all) {
                    out.add(new int[] {e + 1, f + 1});
                }
            }
        }
        return out;
    }

    private static void material(StringBuilder d, Material m) {
        d.append("*MATERIAL, NAME=").append(m.name()).append('\n');
        m.elasticity().ifPresent(e -> {
            if (e instanceof Elasticity.Isotropic i) {
                d.append("*ELASTIC, TYPE=ISO\n").append(num(i.youngsModulus())).append(", ")
                        .append(num(i.poissonRatio())).append('\n');
            } else {
                Elasticity.Cubic c = (Elasticity.Cubic) e;
                // D1111, D1122, D2222, D1133, D2233, D3333, D1212, D1313 / D2323, temperature
                String c11 = num(c.c11());
                String c12 = num(c.c12());
                String c44 = num(c.c44());
                d.append("*ELASTIC, TYPE=ORTHO\n").append(String.join(", ", c11, c12, c11, c12, c12, c11, c44, c44))
                        .append('\n').append(c44).append(", 0.\n");
            }
        });
        m.conductivity().ifPresent(k -> d.append("*CONDUCTIVITY\n").append(num(k)).append('\n'));
        m.density().ifPresent(r -> d.append("*DENSITY\n").append(num(r)).append('\n'));
        m.specificHeat().ifPresent(c -> d.append("*SPECIFIC HEAT\n").append(num(c)).append('\n'));
    }

    /** CalculiX reads at most this many characters of a number. */
    private static final int FIELD = 20;

    /**
     * The shortest text that reads back as the same double, in a form Fortran reads ({@code 1.0E-4}),
     * cut to 13 significant digits when that would pass CalculiX's 20-character field (values are
     * validated finite), so eight values also fit its 132-character lines.
     */
    static String num(double v) {
        String exact = Double.toString(v);
        return exact.length() <= FIELD ? exact : String.format(java.util.Locale.ROOT, "%.12E", v);
    }
}
