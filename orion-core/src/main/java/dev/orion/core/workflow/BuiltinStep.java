package dev.orion.core.workflow;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/** A built-in step type assembled from its parts, so that each built-in is a few lines in its family's file. */
final class BuiltinStep implements StepType {

    /** The work of a step. */
    @FunctionalInterface
    interface Body {
        Map<String, Object> run(StepContext c) throws Exception;
    }

    private final String name;
    private final String description;
    private final List<Param> params;
    private final Map<String, ValueType> outputs;
    private final Body body;
    private ToIntFunction<Map<String, Object>> jobs = m -> 0;
    private Function<Map<String, Object>, OptionalInt> size = m -> OptionalInt.empty();
    private Function<Map<String, Object>, List<String>> check = m -> List.of();

    BuiltinStep(String name, String description, List<Param> params, Map<String, ValueType> outputs, Body body) {
        this.name = name;
        this.description = description;
        this.params = List.copyOf(params);
        this.outputs = Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
        this.body = body;
    }

    static Map<String, ValueType> outputs(Object... nameThenType) {
        Map<String, ValueType> m = new LinkedHashMap<>();
        for (int i = 0; i < nameThenType.length; i += 2) {
            m.put((String) nameThenType[i], (ValueType) nameThenType[i + 1]);
        }
        return m;
    }

    BuiltinStep jobs(ToIntFunction<Map<String, Object>> f) {
        this.jobs = f;
        return this;
    }

    BuiltinStep size(Function<Map<String, Object>, OptionalInt> f) {
        this.size = f;
        return this;
    }

    BuiltinStep check(Function<Map<String, Object>, List<String>> f) {
        this.check = f;
        return this;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public List<Param> parameters() {
        return params;
    }

    @Override
    public Map<String, ValueType> outputs() {
        return outputs;
    }

    @Override
    public int estimatedJobs(Map<String, Object> literals) {
        return jobs.applyAsInt(literals);
    }

    @Override
    public OptionalInt listSize(Map<String, Object> literals) {
        return size.apply(literals);
    }

    @Override
    public List<String> check(Map<String, Object> literals) {
        return check.apply(literals);
    }

    @Override
    public Map<String, Object> execute(StepContext context) throws Exception {
        return body.run(context);
    }

    @Override
    public String toString() {
        return "StepType[" + name + "]";
    }
}
