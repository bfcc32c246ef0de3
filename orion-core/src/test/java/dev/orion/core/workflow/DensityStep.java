package dev.orion.core.workflow;

import java.util.List;
import java.util.Map;

/** A user-defined step type, registered through {@code META-INF/services} in the test resources. */
public class DensityStep implements StepType {

    @Override
    public String name() {
        return "test.density";
    }

    @Override
    public String description() {
        return "the density of a structure in g/cm3";
    }

    @Override
    public List<Param> parameters() {
        return List.of(Param.required("structure", ValueType.STRUCTURE, "the structure"));
    }

    @Override
    public Map<String, ValueType> outputs() {
        return Map.of("density", ValueType.NUMBER);
    }

    @Override
    public Map<String, Object> execute(StepContext context) {
        return Map.of("density", context.structure("structure").density());
    }
}
