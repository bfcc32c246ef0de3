package dev.orion.engine.continuum;

import dev.orion.engine.Vector3;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One nodal result block of a finite-element result file (CalculiX's {@code .frd}: a {@code *NODE FILE}
 * or {@code *EL FILE} request written at one increment), e.g. the displacements ({@code DISP}), the
 * stresses extrapolated to the nodes ({@code STRESS}) or the temperatures ({@code NDTEMP}) at the end of
 * a step. Kept whole so that any quantity can be read, including those of decks ORION did not write.
 *
 * @param name       the program's name of the quantity: {@code DISP}, {@code STRESS}, {@code NDTEMP}, ...
 * @param step       the analysis step the block belongs to (from 1)
 * @param time       the block's time value (the step time; the frequency of a mode shape)
 * @param components the component names in value order, e.g. {@code D1, D2, D3} or {@code SXX, ..., SZX}
 * @param values     the values of each node, by node id, each list as long as {@code components}
 * @param mode       the mode number (from 1) of a block of a frequency analysis (a mode shape), 0 for any other block
 */
public record NodalField(String name, int step, double time, List<String> components, Map<Integer, List<Double>> values,
                         int mode) {

    /**
     * A block that is not a mode shape.
     *
     * @param name       the quantity's name
     * @param step       the analysis step (from 1)
     * @param time       the block's time value
     * @param components the component names in value order
     * @param values     the values of each node, by node id
     */
    public NodalField(String name, int step, double time, List<String> components, Map<Integer, List<Double>> values) {
        this(name, step, time, components, values, 0);
    }

    /** Validates and copies. */
    public NodalField {
        Objects.requireNonNull(name, "name");
        if (mode < 0) {
            throw new IllegalArgumentException("mode must be >= 0 (0 for a block that is not a mode shape), got " + mode);
        }
        components = List.copyOf(components);
        Map<Integer, List<Double>> copy = new LinkedHashMap<>();
        for (Map.Entry<Integer, List<Double>> e : values.entrySet()) {
            if (e.getValue().size() != components.size()) {
                throw new IllegalArgumentException("node " + e.getKey() + " of field " + name + " has "
                        + e.getValue().size() + " values for " + components.size() + " components");
            }
            copy.put(Objects.requireNonNull(e.getKey(), "node id"), List.copyOf(e.getValue()));
        }
        values = Collections.unmodifiableMap(copy);
    }

    /** @return the first three components of each node as a vector (a displacement field)  @throws IllegalStateException if fewer than three */
    public Map<Integer, Vector3> vectors() {
        need(3);
        Map<Integer, Vector3> out = new LinkedHashMap<>();
        values.forEach((n, v) -> out.put(n, new Vector3(v.get(0), v.get(1), v.get(2))));
        return Collections.unmodifiableMap(out);
    }

    /** @return the first component of each node (a temperature field)  @throws IllegalStateException if there is none */
    public Map<Integer, Double> scalars() {
        need(1);
        Map<Integer, Double> out = new LinkedHashMap<>();
        values.forEach((n, v) -> out.put(n, v.get(0)));
        return Collections.unmodifiableMap(out);
    }

    /**
     * @return the stress at each node, read from the components {@code SXX, SYY, SZZ, SXY, SXZ|SZX, SYZ}
     * @throws IllegalStateException if one of them is missing
     */
    public Map<Integer, NodalStress> stresses() {
        int[] at = {index("SXX"), index("SYY"), index("SZZ"), index("SXY"),
                components.contains("SXZ") ? index("SXZ") : index("SZX"), index("SYZ")};
        Map<Integer, NodalStress> out = new LinkedHashMap<>();
        values.forEach((n, v) -> out.put(n, new NodalStress(v.get(at[0]), v.get(at[1]), v.get(at[2]), v.get(at[3]),
                v.get(at[4]), v.get(at[5]))));
        return Collections.unmodifiableMap(out);
    }

    private int index(String component) {
        int i = components.indexOf(component);
        if (i < 0) {
            throw new IllegalStateException("field " + name + " has no component " + component + "; has " + components);
        }
        return i;
    }

    private void need(int count) {
        if (components.size() < count) {
            throw new IllegalStateException("field " + name + " has " + components.size() + " components, not " + count);
        }
    }
}
