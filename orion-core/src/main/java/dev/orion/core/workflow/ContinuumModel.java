package dev.orion.core.workflow;

import dev.orion.core.multiscale.CubicElasticConstants;
import dev.orion.engine.FiniteElement;
import dev.orion.engine.continuum.Analysis;
import dev.orion.engine.continuum.Constraint;
import dev.orion.engine.continuum.Elasticity;
import dev.orion.engine.continuum.Load;
import dev.orion.engine.continuum.Material;
import dev.orion.engine.continuum.Mesh;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code continuum} step's inputs turned into a {@link FiniteElement}: the mesh ORION builds, the material (inline,
 * or cubic from an {@code elastic.cubic} step's constants), the analysis, the constraints and the loads. The same rules
 * check a workflow's literal inputs before it runs ({@link #check}) and build the calculation when it runs.
 */
final class ContinuumModel {

    static final String PLATE = "plate-with-hole";
    static final String BLOCK = "block";

    /** Inputs that only one mesh takes. */
    private static final Map<String, Set<String>> MESH_ONLY = Map.of(
            "length", Set.of(BLOCK), "hole_radius", Set.of(PLATE), "growth", Set.of(PLATE));
    /** Inputs that only some analyses take. */
    private static final Map<String, Set<String>> ANALYSIS_ONLY = Map.of(
            "modes", Set.of("frequency"), "time_step", Set.of("transient-heat"), "duration", Set.of("transient-heat"),
            "initial_temperature", Set.of("transient-heat"));
    private static final Set<String> CONSTRAINT_KEYS = Set.of("set", "direction", "value", "temperature");
    private static final Set<String> LOAD_KEYS = Set.of("set", "pressure", "tension", "force", "direction", "body_heat");

    private ContinuumModel() {
    }

    static List<Param> params() {
        return List.of(Param.optional("engine", ValueType.STRING, "calculix", "the finite-element engine's name"),
                Param.required("mesh", ValueType.STRING, "the part ORION meshes (a bar is a long block)").withChoices(PLATE, BLOCK),
                Param.optional("length", ValueType.NUMBER, "block: length along x (m)"),
                Param.required("width", ValueType.NUMBER, "block: length along y; plate-with-hole: half the plate's width (m)"),
                Param.required("thickness", ValueType.NUMBER, "length along z (m)"),
                Param.optional("hole_radius", ValueType.NUMBER, "plate-with-hole: the hole's radius (m)"),
                Param.optional("divisions", ValueType.listOf(ValueType.INTEGER),
                        "block: [nx, ny, nz], default [20, 4, 4]; plate-with-hole: [radial, around, layers], default [16, 24, 1]"),
                Param.optional("growth", ValueType.NUMBER, "plate-with-hole: ratio of successive ring widths, default 1.25"),
                Param.optional("material", ValueType.STRING, "material", "the material's name"),
                Param.optional("youngs_modulus_gpa", ValueType.NUMBER, "isotropic elasticity: Young's modulus E (GPa)"),
                Param.optional("poisson_ratio", ValueType.NUMBER, "isotropic elasticity: Poisson's ratio"),
                Param.optional("c11_gpa", ValueType.NUMBER, "cubic elasticity: C11 (GPa), cubic axes along x, y, z"),
                Param.optional("c12_gpa", ValueType.NUMBER, "cubic elasticity: C12 (GPa)"),
                Param.optional("c44_gpa", ValueType.NUMBER, "cubic elasticity: C44 (GPa)"),
                Param.optional("elastic_constants", ValueType.OBJECT,
                        "cubic elasticity from an elastic.cubic step's constants output (the job cites its strained cells)"),
                Param.optional("density", ValueType.NUMBER, "mass density (kg/m^3)"),
                Param.optional("conductivity", ValueType.NUMBER, "thermal conductivity (W/(m K))"),
                Param.optional("specific_heat", ValueType.NUMBER, "specific heat capacity (J/(kg K))"),
                Param.optional("analysis", ValueType.STRING, "static", "what to solve")
                        .withChoices("static", "steady-heat", "transient-heat", "frequency"),
                Param.optional("modes", ValueType.INTEGER, "frequency: how many of the lowest modes, default 6"),
                Param.optional("time_step", ValueType.NUMBER, "transient-heat: the time increment (s)"),
                Param.optional("duration", ValueType.NUMBER, "transient-heat: the time simulated (s)"),
                Param.optional("initial_temperature", ValueType.NUMBER, "transient-heat: the uniform starting temperature (K)"),
                Param.optional("constraints", ValueType.listOf(ValueType.OBJECT), List.of(),
                        "each {set, direction: 1|2|3, value (default 0)} or {set, temperature}"),
                Param.optional("loads", ValueType.listOf(ValueType.OBJECT), List.of(),
                        "each {set, pressure (Pa, positive pushes in)}, {set, tension (Pa, pulls out)}, {set, direction, force (N)}"
                                + " or {body_heat (W/m^3)}"),
                Param.optional("resources", ValueType.OBJECT, "{nodes, tasks, cpus_per_task, memory_mb, time_limit_minutes, partition}"),
                Param.optional("executor", ValueType.STRING, "the executor's name; the job service's default if absent"));
    }

    /** @return what the types cannot say about the literal inputs: inputs of another mesh or analysis, bad set entries */
    static List<String> check(Map<String, Object> literals) {
        List<String> problems = new ArrayList<>();
        if (literals.get("mesh") instanceof String mesh && (mesh.equals(PLATE) || mesh.equals(BLOCK))) {
            MESH_ONLY.forEach((input, meshes) -> {
                if (literals.containsKey(input) && !meshes.contains(mesh)) {
                    problems.add(input + ": is not an input of mesh " + mesh);
                }
            });
            if (mesh.equals(PLATE) && literals.get("divisions") instanceof List<?> d && d.size() == 3
                    && d.get(1) instanceof Number around && around.intValue() % 2 != 0) {
                problems.add("divisions: the sectors around a plate's hole must be even, got " + around);
            }
        }
        String analysis = String.valueOf(literals.getOrDefault("analysis", "static"));
        ANALYSIS_ONLY.forEach((input, analyses) -> {
            if (literals.containsKey(input) && !analyses.contains(analysis)) {
                problems.add(input + ": is not an input of a " + analysis + " analysis");
            }
        });
        if (literals.get("divisions") instanceof List<?> d && d.size() != 3) {
            problems.add("divisions: needs 3 numbers, got " + d.size());
        }
        if (literals.containsKey("elastic_constants") && (literals.containsKey("youngs_modulus_gpa") || literals.containsKey("c11_gpa"))) {
            problems.add("elastic_constants: give either elastic_constants or inline elasticity, not both");
        }
        items(literals.get("constraints"), "constraints", CONSTRAINT_KEYS, problems);
        items(literals.get("loads"), "loads", LOAD_KEYS, problems);
        return problems;
    }

    private static void items(Object list, String input, Set<String> allowed, List<String> problems) {
        if (!(list instanceof List<?> items)) {
            return;
        }
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) instanceof Map<?, ?> m) {
                for (Object key : m.keySet()) {
                    if (!allowed.contains(String.valueOf(key))) {
                        problems.add(input + ": item " + (i + 1) + " has unknown key '" + key + "'"
                                + Suggestions.didYouMean(String.valueOf(key), allowed) + " (keys: " + String.join(", ", new java.util.TreeSet<>(allowed)) + ")");
                    }
                }
            }
        }
    }

    /**
     * @param c the step's resolved inputs
     * @return the calculation they describe
     * @throws IllegalArgumentException naming the input if one is missing, of another mesh or out of range
     */
    static FiniteElement build(StepContext c) {
        List<String> problems = check(c.inputs());
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        Mesh mesh = mesh(c);
        FiniteElement.Builder b = FiniteElement.builder(mesh, material(c)).analysis(analysis(c));
        for (Object item : c.list("constraints")) {
            b.constrain(constraint(map("constraints", item)));
        }
        for (Object item : c.list("loads")) {
            b.load(load(map("loads", item)));
        }
        return b.build();
    }

    /** @return the upstream constants, if the material came from an {@code elastic.cubic} step */
    static Optional<CubicElasticConstants> constants(StepContext c) {
        return c.input("elastic_constants").map(o -> ElasticStep.read(c.object("elastic_constants")));
    }

    private static Mesh mesh(StepContext c) {
        List<Integer> d = c.input("divisions").map(o -> c.list("divisions").stream().map(n -> ((Number) n).intValue()).toList())
                .orElse(null);
        if (c.string("mesh").equals(BLOCK)) {
            d = d == null ? List.of(20, 4, 4) : d;
            return Mesh.block(required(c, "length"), c.number("width"), c.number("thickness"), d.get(0), d.get(1), d.get(2));
        }
        d = d == null ? List.of(16, 24, 1) : d;
        return Mesh.plateWithHole(c.number("width"), required(c, "hole_radius"), c.number("thickness"), d.get(0), d.get(1), d.get(2),
                c.input("growth").isPresent() ? c.number("growth") : 1.25);
    }

    private static Material material(StepContext c) {
        Material.Builder m = Material.builder(c.string("material"));
        Optional<CubicElasticConstants> upstream = constants(c);
        if (upstream.isPresent()) {
            m.elasticity(upstream.get().toElasticity());
        } else if (c.input("c11_gpa").isPresent() || c.input("c12_gpa").isPresent() || c.input("c44_gpa").isPresent()) {
            m.elasticity(Elasticity.cubic(required(c, "c11_gpa") * 1e9, required(c, "c12_gpa") * 1e9, required(c, "c44_gpa") * 1e9));
        } else if (c.input("youngs_modulus_gpa").isPresent() || c.input("poisson_ratio").isPresent()) {
            m.elasticity(Elasticity.isotropic(required(c, "youngs_modulus_gpa") * 1e9, required(c, "poisson_ratio")));
        }
        c.input("density").ifPresent(x -> m.density(c.number("density")));
        c.input("conductivity").ifPresent(x -> m.conductivity(c.number("conductivity")));
        c.input("specific_heat").ifPresent(x -> m.specificHeat(c.number("specific_heat")));
        return m.build();
    }

    private static Analysis analysis(StepContext c) {
        return switch (c.string("analysis")) {
            case "steady-heat" -> Analysis.steadyHeat();
            case "transient-heat" -> Analysis.transientHeat(required(c, "time_step"), required(c, "duration"), required(c, "initial_temperature"));
            case "frequency" -> Analysis.frequencies(c.input("modes").isPresent() ? (int) c.number("modes") : 6);
            default -> Analysis.staticElastic();
        };
    }

    private static Constraint constraint(Map<?, ?> m) {
        String set = text(m, "constraints", "set");
        if (m.containsKey("temperature")) {
            return Constraint.temperature(set, number(m, "constraints", "temperature"));
        }
        int direction = (int) number(m, "constraints", "direction");
        return m.containsKey("value") ? Constraint.displacement(set, direction, number(m, "constraints", "value"))
                : Constraint.fixed(set, direction);
    }

    private static Load load(Map<?, ?> m) {
        if (m.containsKey("body_heat")) {
            return Load.bodyHeat(number(m, "loads", "body_heat"));
        }
        String set = text(m, "loads", "set");
        if (m.containsKey("pressure")) {
            return Load.pressure(set, number(m, "loads", "pressure"));
        }
        if (m.containsKey("tension")) {
            return Load.pressure(set, -number(m, "loads", "tension"));
        }
        return Load.force(set, (int) number(m, "loads", "direction"), number(m, "loads", "force"));
    }

    private static Map<?, ?> map(String input, Object item) {
        if (item instanceof Map<?, ?> m) {
            return m;
        }
        throw new IllegalArgumentException(input + ": each item must be a mapping, got " + item);
    }

    private static String text(Map<?, ?> m, String input, String key) {
        if (m.get(key) instanceof String s && !s.isBlank()) {
            return s;
        }
        throw new IllegalArgumentException(input + ": item " + m + " needs a node set name '" + key + "'");
    }

    private static double number(Map<?, ?> m, String input, String key) {
        if (m.get(key) instanceof Number n) {
            return n.doubleValue();
        }
        throw new IllegalArgumentException(input + ": item " + m + " needs a number '" + key + "', got " + m.get(key));
    }

    private static double required(StepContext c, String input) {
        if (c.input(input).isEmpty()) {
            throw new IllegalArgumentException("step '" + c.stepId() + "' needs input '" + input + "' for this mesh, material or analysis");
        }
        return c.number(input);
    }
}
