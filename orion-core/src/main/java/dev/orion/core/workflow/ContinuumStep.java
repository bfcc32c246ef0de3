package dev.orion.core.workflow;

import static dev.orion.core.workflow.BuiltinStep.outputs;

import dev.orion.core.multiscale.CubicElasticConstants;
import dev.orion.engine.CalculationResult;
import dev.orion.engine.FiniteElement;
import dev.orion.engine.JobRequest;
import dev.orion.engine.Vector3;
import dev.orion.engine.continuum.ContinuumResult;
import dev.orion.engine.continuum.PointStress;
import dev.orion.store.JobRecord;
import dev.orion.store.ResourceRef;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code continuum} step: a finite-element calculation (CalculiX) on a part ORION meshes, as one job of the run,
 * with the headline numbers as outputs. When its material comes from an {@code elastic.cubic} step, its job is linked
 * in the provenance store to the strained-cell jobs ({@code material-from}), as
 * {@link CubicElasticConstants#linkTo} does.
 */
final class ContinuumStep {

    private ContinuumStep() {
    }

    static StepType type() {
        return new BuiltinStep("continuum", "a finite-element calculation (CalculiX) on a meshed plate with a hole or block, as a job",
                ContinuumModel.params(),
                outputs("result", ValueType.RESULT, "max_displacement", ValueType.NUMBER, "peak_stress_xx", ValueType.NUMBER,
                        "peak_von_mises", ValueType.NUMBER, "max_temperature", ValueType.NUMBER, "min_temperature", ValueType.NUMBER,
                        "frequencies", ValueType.listOf(ValueType.NUMBER), "first_frequency", ValueType.NUMBER,
                        "nodes", ValueType.INTEGER, "elements", ValueType.INTEGER),
                ContinuumStep::run).jobs(m -> 1).check(ContinuumModel::check);
    }

    private static Map<String, Object> run(StepContext c) throws Exception {
        if (!(c instanceof RunContext run)) {
            throw new IllegalStateException("the continuum step runs only inside a WorkflowRunner");
        }
        FiniteElement fe = ContinuumModel.build(c);
        JobRequest request = JobRequest.of(fe, c.string("engine"));
        if (c.input("resources").isPresent()) {
            request = request.withResources(CalculationStep.resources(c.object("resources")));
        }
        if (c.input("executor").isPresent()) {
            request = request.onExecutor(c.string("executor"));
        }
        JobRecord job = run.submit(List.of(request)).get(0);
        ContinuumModel.constants(c).filter(k -> !k.jobs().isEmpty()).ifPresent(k -> {
            boolean linked = run.tenant().provenance().linksFrom(ResourceRef.of("job", job.id())).stream()
                    .anyMatch(l -> l.relation().equals(CubicElasticConstants.RELATION));
            if (!linked) {
                k.linkTo(run.tenant().provenance(), job.id());
            }
        });
        CalculationResult r = run.await(job);
        ContinuumResult fem = r.continuum().orElseThrow(() -> new IllegalStateException("engine " + r.engine()
                + " gave no finite-element result for job " + job.id()));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("result", r);
        Collection<Vector3> u = fem.nodalDisplacements().isEmpty() ? fem.displacements().values() : fem.nodalDisplacements().values();
        out.put("max_displacement", max(u.stream().mapToDouble(Vector3::norm).toArray()));
        List<PointStress> stresses = fem.stresses();
        out.put("peak_stress_xx", max(stresses.stream().mapToDouble(PointStress::xx).toArray()));
        out.put("peak_von_mises", max(stresses.stream().mapToDouble(PointStress::vonMises).toArray()));
        Collection<Double> t = fem.nodalTemperatures().isEmpty() ? fem.temperatures().values() : fem.nodalTemperatures().values();
        out.put("max_temperature", max(t.stream().mapToDouble(Double::doubleValue).toArray()));
        out.put("min_temperature", t.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN));
        out.put("frequencies", List.<Object>copyOf(fem.frequencies()));
        out.put("first_frequency", fem.frequencies().isEmpty() ? Double.NaN : fem.frequencies().get(0));
        out.put("nodes", (long) fe.mesh().nodes().size());
        out.put("elements", (long) fe.mesh().elements().size());
        return out;
    }

    /** NaN when the analysis gives no such quantity (a heat analysis has no stress): a fit over it fails naming it. */
    private static double max(double[] values) {
        return java.util.Arrays.stream(values).max().orElse(Double.NaN);
    }
}
