package dev.orion.core.workflow;

import static dev.orion.core.workflow.BuiltinStep.outputs;

import dev.orion.engine.AtomisticCalculation;
import dev.orion.engine.Calculation;
import dev.orion.engine.CalculationResult;
import dev.orion.engine.DftParameters;
import dev.orion.engine.Ensemble;
import dev.orion.engine.JobRequest;
import dev.orion.engine.Method;
import dev.orion.engine.Potential;
import dev.orion.engine.Relaxation;
import dev.orion.engine.Resources;
import dev.orion.engine.Stress;
import dev.orion.engine.Thermostat;
import dev.orion.structure.Element;
import dev.orion.structure.Structure;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The calculation step: one job of the tenant's job service on a registered engine. */
final class CalculationStep {

    private CalculationStep() {
    }

    static StepType type() {
        return new BuiltinStep("calculation", "runs a calculation as a persisted job (reused by content hash when it ran before)",
                withStructure(Param.required("structure", ValueType.STRUCTURE, "the structure")),
                outputs("result", ValueType.RESULT, "energy", ValueType.NUMBER, "energy_per_atom", ValueType.NUMBER,
                        "structure", ValueType.STRUCTURE, "volume", ValueType.NUMBER, "atoms", ValueType.INTEGER,
                        "stress", ValueType.listOf(ValueType.NUMBER), "stress_xx", ValueType.NUMBER, "stress_yy", ValueType.NUMBER,
                        "stress_zz", ValueType.NUMBER, "stress_yz", ValueType.NUMBER, "stress_xz", ValueType.NUMBER,
                        "stress_xy", ValueType.NUMBER, "values", ValueType.OBJECT),
                CalculationStep::run).jobs(m -> 1)
                .check(CalculationStep::checkMethod);
    }

    /** The inputs that say how to compute: engine, kind, method, resources, executor (shared with the campaign step). */
    static List<Param> methodParams() {
        return List.of(Param.required("engine", ValueType.STRING, "the engine's name, e.g. orion-eam, lammps, espresso"),
                Param.optional("kind", ValueType.STRING, "single-point", "what to compute")
                        .withChoices("single-point", "relaxation", "md"),
                Param.optional("potential", ValueType.OBJECT, "{type: eam|eam_alloy|eam_fs|lj, file, elements} for force fields"),
                Param.optional("dft", ValueType.OBJECT, "{pseudopotentials, ecutwfc, ecutrho, kpoints: [a, b, c], smearing} for DFT"),
                Param.optional("relax_cell", ValueType.BOOLEAN, false, "a relaxation also relaxes the cell"),
                Param.optional("md", ValueType.OBJECT, "{temperature, steps, timestep_fs, seed, ensemble: nve|nvt|npt, thermostat: nose-hoover|langevin, pressure_gpa, sample_every} for MD"),
                Param.optional("resources", ValueType.OBJECT, "{nodes, tasks, cpus_per_task, memory_mb, time_limit_minutes, partition}"),
                Param.optional("executor", ValueType.STRING, "the executor's name; the job service's default if absent"));
    }

    /** A potential and DFT parameters together are an error of every step that takes {@link #methodParams()}. */
    static List<String> checkMethod(Map<String, Object> literals) {
        return literals.containsKey("potential") && literals.containsKey("dft") ? List.of("dft: give either a potential or dft, not both")
                : List.of();
    }

    /** @return the engine, then the given structure input, then the other {@link #methodParams()} */
    static List<Param> withStructure(Param structure) {
        List<Param> all = new ArrayList<>(methodParams());
        all.add(1, structure);
        return all;
    }

    private static Map<String, Object> run(StepContext c) throws Exception {
        Structure s = c.structure("structure");
        Calculation calculation = calculation(c, s);
        JobRequest request = JobRequest.of(calculation, c.string("engine"));
        if (c.input("resources").isPresent()) {
            request = request.withResources(resources(c.object("resources")));
        }
        if (c.input("executor").isPresent()) {
            request = request.onExecutor(c.string("executor"));
        }
        CalculationResult r = c.calculate(request);
        Structure last = r.finalStructure().orElse(s);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("result", r);
        out.put("energy", r.energy());
        out.put("energy_per_atom", r.energyPerAtom());
        out.put("structure", last);
        out.put("volume", last.volume());
        out.put("atoms", (long) r.atoms());
        List<Object> stress = r.stress().map(CalculationStep::voigt).orElse(List.of());
        out.put("stress", stress);
        String[] names = {"stress_xx", "stress_yy", "stress_zz", "stress_yz", "stress_xz", "stress_xy"};
        for (int i = 0; i < names.length; i++) {
            // NaN when the engine gives no stress: a fit over it fails with a message naming the numbers
            out.put(names[i], stress.isEmpty() ? Double.NaN : stress.get(i));
        }
        // the engine's further named numbers, e.g. an MD run's temperature_mean_k
        out.put("values", new LinkedHashMap<String, Object>(r.values()));
        return out;
    }

    private static List<Object> voigt(Stress t) {
        return List.of(t.xx(), t.yy(), t.zz(), t.yz(), t.xz(), t.xy());
    }

    /** @param c a step that takes {@link #methodParams()}  @return its potential or DFT parameters, if it gives either */
    static java.util.Optional<Method> method(StepContext c) {
        return c.input("potential").isPresent() ? java.util.Optional.of(potential(c.object("potential")))
                : c.input("dft").isPresent() ? java.util.Optional.of(dft(c.object("dft"))) : java.util.Optional.empty();
    }

    static Calculation calculation(StepContext c, Structure s) {
        Method method = method(c).orElse(null);
        String kind = c.string("kind");
        AtomisticCalculation calc = switch (kind) {
            case "relaxation" -> Relaxation.builder(s).relaxCell(Boolean.TRUE.equals(c.input("relax_cell").orElse(false))).build();
            case "md" -> md(s, c.input("md").isPresent() ? c.object("md") : Map.of());
            default -> Calculation.singlePoint(s);
        };
        return method == null ? calc : calc.with(method);
    }

    private static AtomisticCalculation md(Structure s, Map<String, Object> md) {
        var b = Calculation.md(s);
        if (md.get("temperature") instanceof Number t) {
            b.temperature(t.doubleValue());
        }
        if (md.get("steps") instanceof Number n) {
            b.steps(n.intValue());
        }
        if (md.get("timestep_fs") instanceof Number dt) {
            b.timeStep(dt.doubleValue());
        }
        if (md.get("seed") instanceof Number seed) {
            b.seed(seed.longValue());
        }
        if (md.containsKey("ensemble")) {
            b.ensemble(choice(Ensemble.class, "md.ensemble", md.get("ensemble")));
        }
        if (md.containsKey("thermostat")) {
            b.thermostat(choice(Thermostat.class, "md.thermostat", md.get("thermostat")));
        }
        if (md.get("pressure_gpa") instanceof Number p) {
            b.pressure(p.doubleValue());
        }
        if (md.get("sample_every") instanceof Number n) {
            b.sampleEvery(n.intValue());
        }
        return b.build();
    }

    /** @return the constant named by the text, case and '-' against '_' aside */
    private static <E extends Enum<E>> E choice(Class<E> type, String what, Object text) {
        String name = String.valueOf(text).trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_');
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        throw new IllegalArgumentException(what + " must be one of " + java.util.Arrays.stream(type.getEnumConstants())
                .map(e -> e.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')).toList() + ", got '" + text + "'");
    }

    private static Method potential(Map<String, Object> p) {
        String type = String.valueOf(p.getOrDefault("type", "eam"));
        List<Element> elements = elements(p);
        if (type.equals("lj")) {
            return Potential.lennardJones(elements.get(0), number(p, "epsilon"), number(p, "sigma"), number(p, "cutoff"));
        }
        // as written: engines look potential files up in their own confined potential folder
        Path file = Path.of(String.valueOf(p.getOrDefault("file", "")));
        return switch (type) {
            case "eam" -> Potential.eam(file, elements.get(0));
            case "eam_alloy" -> Potential.eamAlloy(file, elements.toArray(Element[]::new));
            case "eam_fs" -> Potential.eamFs(file, elements.toArray(Element[]::new));
            default -> throw new IllegalArgumentException("potential type must be eam, eam_alloy, eam_fs or lj, got '" + type + "'");
        };
    }

    private static List<Element> elements(Map<String, Object> p) {
        List<Element> out = new ArrayList<>();
        Object e = p.containsKey("elements") ? p.get("elements") : p.get("element");
        if (e instanceof List<?> l) {
            l.forEach(x -> out.add(Element.of(String.valueOf(x))));
        } else if (e != null) {
            out.add(Element.of(String.valueOf(e)));
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("potential needs 'element' or 'elements', got " + p.keySet());
        }
        return out;
    }

    private static DftParameters dft(Map<String, Object> d) {
        DftParameters.Builder b = DftParameters.builder(Path.of(String.valueOf(d.getOrDefault("pseudopotentials", "."))));
        if (d.get("ecutwfc") instanceof Number n) {
            b.ecutwfc(n.doubleValue());
        }
        if (d.get("ecutrho") instanceof Number n) {
            b.ecutrho(n.doubleValue());
        }
        if (d.get("kpoints") instanceof List<?> k && k.size() == 3) {
            b.kPoints(((Number) k.get(0)).intValue(), ((Number) k.get(1)).intValue(), ((Number) k.get(2)).intValue());
        }
        if (d.get("smearing") instanceof Map<?, ?> sm) {
            b.smearing(String.valueOf(sm.get("type")), ((Number) sm.get("degauss")).doubleValue());
        } else if (Boolean.TRUE.equals(d.get("metallic"))) {
            b.metallic();
        }
        if (d.get("pseudopotential_files") instanceof Map<?, ?> files) {
            files.forEach((el, f) -> b.pseudopotential(Element.of(String.valueOf(el)), String.valueOf(f)));
        }
        return b.build();
    }

    static Resources resources(Map<String, Object> r) {
        Resources.Builder b = Resources.builder();
        if (r.get("nodes") instanceof Number n) {
            b.nodes(n.intValue());
        }
        if (r.get("tasks") instanceof Number n) {
            b.tasks(n.intValue());
        }
        if (r.get("cpus_per_task") instanceof Number n) {
            b.cpusPerTask(n.intValue());
        }
        if (r.get("memory_mb") instanceof Number n) {
            b.memoryMb(n.longValue());
        }
        if (r.get("time_limit_minutes") instanceof Number n) {
            b.timeLimit(Duration.ofSeconds(Math.round(n.doubleValue() * 60)));
        }
        if (r.get("partition") instanceof String p) {
            b.partition(p);
        }
        return b.build();
    }

    private static double number(Map<String, Object> m, String key) {
        if (m.get(key) instanceof Number n) {
            return n.doubleValue();
        }
        throw new IllegalArgumentException(key + " must be a number, got " + m.get(key));
    }
}
