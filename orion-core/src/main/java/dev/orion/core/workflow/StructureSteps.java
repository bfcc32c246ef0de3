package dev.orion.core.workflow;

import static dev.orion.core.workflow.BuiltinStep.outputs;

import dev.orion.io.Structures;
import dev.orion.structure.Element;
import dev.orion.structure.Lattice;
import dev.orion.structure.Site;
import dev.orion.structure.Species;
import dev.orion.structure.Structure;
import dev.orion.structure.StructureBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/** Structure sources (a file, inline text, a prototype) and generators (strain series, species substitution). */
final class StructureSteps {

    private static final Map<String, double[][]> PROTOTYPES = Map.of(
            "sc", new double[][] {{0, 0, 0}},
            "bcc", new double[][] {{0, 0, 0}, {0.5, 0.5, 0.5}},
            "fcc", new double[][] {{0, 0, 0}, {0, 0.5, 0.5}, {0.5, 0, 0.5}, {0.5, 0.5, 0}},
            "diamond", new double[][] {{0, 0, 0}, {0, 0.5, 0.5}, {0.5, 0, 0.5}, {0.5, 0.5, 0},
                {0.25, 0.25, 0.25}, {0.25, 0.75, 0.75}, {0.75, 0.25, 0.75}, {0.75, 0.75, 0.25}});

    private StructureSteps() {
    }

    static List<StepType> all() {
        return List.of(file(), inline(), prototype(), strainSeries(), substitution());
    }

    private static StepType file() {
        return new BuiltinStep("structure.file", "reads a structure file (CIF, POSCAR, XYZ, LAMMPS data, pw.x input, JSON)",
                List.of(Param.required("path", ValueType.STRING, "the file, relative to the workflow file")),
                outputs("structure", ValueType.STRUCTURE), c -> Map.of("structure", Structures.read(c.resolve(c.string("path")))));
    }

    private static StepType inline() {
        return new BuiltinStep("structure.inline", "a structure written in the workflow, in any format ORION reads",
                List.of(Param.required("text", ValueType.STRING, "the file's text"),
                        Param.required("format", ValueType.STRING, "the file extension of the format: cif, poscar, xyz, json, ...")),
                outputs("structure", ValueType.STRUCTURE),
                c -> Map.of("structure", Structures.read(c.string("text"), "inline." + c.string("format"))));
    }

    private static StepType prototype() {
        return new BuiltinStep("structure.prototype", "a cubic crystal of one element: sc, bcc, fcc or diamond (conventional cell)",
                List.of(Param.required("prototype", ValueType.STRING, "the lattice").withChoices("sc", "bcc", "fcc", "diamond"),
                        Param.required("element", ValueType.STRING, "the element symbol"),
                        Param.required("a", ValueType.NUMBER, "the lattice parameter in Å")),
                outputs("structure", ValueType.STRUCTURE), c -> {
                    Element e = Element.of(c.string("element"));
                    StructureBuilder b = Structure.builder().lattice(Lattice.cubic(positive(c.number("a"), "a")));
                    for (double[] f : PROTOTYPES.get(c.string("prototype"))) {
                        b.addSite(e, f[0], f[1], f[2]);
                    }
                    return Map.of("structure", b.build());
                }).check(m -> m.get("element") instanceof String s && Element.parse(s).isEmpty()
                        ? List.of("element: unknown element '" + s + "'") : List.of());
    }

    private static StepType strainSeries() {
        return new BuiltinStep("structure.strain_series",
                "copies of a structure with its lattice scaled by (1 + strain), strains evenly from min to max",
                List.of(Param.required("structure", ValueType.STRUCTURE, "the reference structure"),
                        Param.optional("min", ValueType.NUMBER, -0.05, "the smallest linear strain"),
                        Param.optional("max", ValueType.NUMBER, 0.05, "the largest linear strain"),
                        Param.optional("count", ValueType.INTEGER, 7L, "how many structures (2 or more)")),
                outputs("structures", ValueType.listOf(ValueType.STRUCTURE), "strains", ValueType.listOf(ValueType.NUMBER),
                        "volumes", ValueType.listOf(ValueType.NUMBER)), c -> {
                    Structure s = c.structure("structure");
                    int n = (int) c.number("count");
                    double min = c.number("min");
                    double max = c.number("max");
                    if (n < 2 || !(max > min) || min <= -1) {
                        throw new IllegalArgumentException("strain series needs count >= 2 and -1 < min < max, got count " + n
                                + ", min " + min + ", max " + max);
                    }
                    List<Object> structures = new ArrayList<>();
                    List<Object> strains = new ArrayList<>();
                    List<Object> volumes = new ArrayList<>();
                    for (int i = 0; i < n; i++) {
                        double e = min + (max - min) * i / (n - 1);
                        Structure strained = s.withLattice(Transforms.deform(s.lattice(), new double[] {e, e, e, 0, 0, 0}));
                        structures.add(strained);
                        strains.add(e);
                        volumes.add(strained.volume());
                    }
                    return Map.of("structures", structures, "strains", strains, "volumes", volumes);
                }).size(m -> m.get("count") instanceof Long n ? OptionalInt.of(n.intValue()) : OptionalInt.empty())
                .check(m -> {
                    List<String> p = new ArrayList<>();
                    if (m.get("count") instanceof Long n && n < 2) {
                        p.add("count: a strain series needs at least 2 structures, got " + n);
                    }
                    if (m.get("min") instanceof Number lo && m.get("max") instanceof Number hi && lo.doubleValue() >= hi.doubleValue()) {
                        p.add("min: must be below max, got min " + lo + " and max " + hi);
                    }
                    return p;
                });
    }

    private static StepType substitution() {
        return new BuiltinStep("structure.substitution",
                "one structure per substituent: every site of one element replaced by each element in turn",
                List.of(Param.required("structure", ValueType.STRUCTURE, "the parent structure"),
                        Param.required("from", ValueType.STRING, "the element to replace"),
                        Param.required("to", ValueType.listOf(ValueType.STRING), "the elements to put in its place")),
                outputs("structures", ValueType.listOf(ValueType.STRUCTURE), "formulas", ValueType.listOf(ValueType.STRING)), c -> {
                    List<Object> structures = new ArrayList<>();
                    List<Object> formulas = new ArrayList<>();
                    for (Object to : c.list("to")) {
                        Structure s = Transforms.substitute(c.structure("structure"), Element.of(c.string("from")),
                                Element.of(String.valueOf(to)), -1);
                        structures.add(s);
                        formulas.add(s.composition().reducedFormula());
                    }
                    return Map.of("structures", structures, "formulas", formulas);
                }).size(m -> m.get("to") instanceof List<?> l ? OptionalInt.of(l.size()) : OptionalInt.empty());
    }

    static double positive(double v, String name) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(name + " must be a positive number, got " + v);
        }
        return v;
    }

    static Site withSpecies(Site site, Element element) {
        return Site.of(Species.of(element), site.x(), site.y(), site.z());
    }
}
