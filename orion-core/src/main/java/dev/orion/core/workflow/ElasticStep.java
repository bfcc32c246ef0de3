package dev.orion.core.workflow;

import static dev.orion.core.workflow.BuiltinStep.outputs;

import dev.orion.core.multiscale.CubicElasticConstants;
import dev.orion.core.multiscale.ElasticConstants;
import dev.orion.engine.Calculation;
import dev.orion.engine.CalculationResult;
import dev.orion.engine.JobRequest;
import dev.orion.engine.Method;
import dev.orion.store.JobRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code elastic.cubic} step: C11, C12 and C44 of a cubic crystal by {@link ElasticConstants}' four strained cells,
 * each a job of the run (submitted together, reused by content hash). Its {@code constants} output is the hand-off
 * to a {@code continuum} step's {@code elastic_constants} input, which then cites the four jobs in the provenance store.
 */
final class ElasticStep {

    /** The keys of the {@code constants} output, which {@link ContinuumStep} reads. */
    static final String C11 = "c11_gpa";
    static final String C12 = "c12_gpa";
    static final String C44 = "c44_gpa";
    static final String JOBS = "jobs";

    private ElasticStep() {
    }

    static StepType type() {
        List<Param> params = new ArrayList<>();
        params.add(Param.required("engine", ValueType.STRING, "the atomistic engine's name, e.g. orion-eam, lammps, espresso"));
        params.add(Param.required("structure", ValueType.STRUCTURE, "a relaxed cubic cell with its axes along x, y and z"));
        CalculationStep.methodParams().stream().filter(p -> List.of("potential", "dft", "resources", "executor").contains(p.name()))
                .forEach(params::add);
        params.add(Param.optional("strain", ValueType.NUMBER, ElasticConstants.DEFAULT_STRAIN,
                "the strain e of the cells strained by ±e along x and sheared by ±e in yz, in (0, 0.05]"));
        return new BuiltinStep("elastic.cubic", "C11, C12, C44 of a cubic crystal from four strained cells (four jobs)", params,
                outputs("c11", ValueType.NUMBER, "c12", ValueType.NUMBER, "c44", ValueType.NUMBER, "bulk_modulus", ValueType.NUMBER,
                        "anisotropy", ValueType.NUMBER, "constants", ValueType.OBJECT, "jobs", ValueType.listOf(ValueType.STRING)),
                ElasticStep::run).jobs(m -> 4).check(ElasticStep::check);
    }

    private static List<String> check(Map<String, Object> literals) {
        List<String> problems = new ArrayList<>(CalculationStep.checkMethod(literals));
        if (literals.get("strain") instanceof Number e && !(e.doubleValue() > 0 && e.doubleValue() <= 0.05)) {
            problems.add("strain: must be in (0, 0.05], got " + e);
        }
        return problems;
    }

    private static Map<String, Object> run(StepContext c) throws Exception {
        if (!(c instanceof RunContext run)) {
            throw new IllegalStateException("the elastic.cubic step runs only inside a WorkflowRunner");
        }
        Method method = CalculationStep.method(c).orElseThrow(() -> new IllegalArgumentException(
                "step '" + c.stepId() + "' needs a potential or dft to compute elastic constants"));
        double strain = c.number("strain");
        List<JobRequest> requests = new ArrayList<>();
        for (Calculation calc : ElasticConstants.strainedCells(c.structure("structure"), method, strain)) {
            JobRequest request = JobRequest.of(calc, c.string("engine"));
            if (c.input("resources").isPresent()) {
                request = request.withResources(CalculationStep.resources(c.object("resources")));
            }
            if (c.input("executor").isPresent()) {
                request = request.onExecutor(c.string("executor"));
            }
            requests.add(request);
        }
        List<JobRecord> jobs = run.submit(requests);
        List<CalculationResult> results = new ArrayList<>();
        for (JobRecord job : jobs) {
            results.add(run.await(job));
        }
        CubicElasticConstants k = ElasticConstants.fromResults(results, strain, jobs.stream().map(JobRecord::id).toList());
        Map<String, Object> constants = new LinkedHashMap<>();
        constants.put(C11, k.c11());
        constants.put(C12, k.c12());
        constants.put(C44, k.c44());
        constants.put(JOBS, k.jobs());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("c11", k.c11());
        out.put("c12", k.c12());
        out.put("c44", k.c44());
        out.put("bulk_modulus", k.bulkModulus());
        out.put("anisotropy", k.anisotropy());
        out.put("constants", java.util.Collections.unmodifiableMap(constants));
        out.put("jobs", k.jobs());
        return out;
    }

    /**
     * @param constants the {@code constants} output of an {@code elastic.cubic} step
     * @return them as the bridge's typed value
     * @throws IllegalArgumentException naming the key if one is missing or not a number
     */
    static CubicElasticConstants read(Map<String, Object> constants) {
        List<String> jobs = constants.get(JOBS) instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
        return new CubicElasticConstants(number(constants, C11), number(constants, C12), number(constants, C44), jobs);
    }

    private static double number(Map<String, Object> m, String key) {
        if (m.get(key) instanceof Number n) {
            return n.doubleValue();
        }
        throw new IllegalArgumentException("elastic_constants needs a number '" + key + "' (the constants output of an elastic.cubic "
                + "step), got " + m.get(key) + " in " + m.keySet());
    }
}
