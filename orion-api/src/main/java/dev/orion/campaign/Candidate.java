package dev.orion.campaign;

import dev.orion.structure.Composition;
import dev.orion.structure.Structure;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Something that can be evaluated: a point of a {@link ParameterSpace} (its parameter values) or an entry
 * of a {@link CandidatePool} (its descriptors, and optionally the structure or composition it stands for).
 *
 * @param id          a stable identifier; for a parameter point it is derived from the values, so the same
 *                    point always has the same id
 * @param values      parameter values by name (empty for a pool entry)
 * @param descriptors numeric features of a pool entry (empty for a parameter point)
 * @param structure   the structure the candidate stands for, if any
 * @param composition the composition the candidate stands for, if any
 */
public record Candidate(String id, Map<String, ParameterValue> values, List<Double> descriptors,
                        Optional<Structure> structure, Optional<Composition> composition) {

    /** The longest id; a parameter point whose readable id would be longer is named by its SHA-256. */
    public static final int MAX_ID_LENGTH = 1000;

    /** Validates and copies. */
    public Candidate {
        Checks.text("id", id, MAX_ID_LENGTH);
        Objects.requireNonNull(values, "values");
        values.forEach((k, v) -> {
            Checks.name("parameter name", k);
            Objects.requireNonNull(v, "value of " + k);
        });
        values = Collections.unmodifiableMap(new TreeMap<>(values));
        Objects.requireNonNull(descriptors, "descriptors");
        for (int i = 0; i < descriptors.size(); i++) {
            Checks.finite("descriptors[" + i + "] of " + id, Objects.requireNonNull(descriptors.get(i), "descriptor"));
        }
        descriptors = List.copyOf(descriptors);
        Objects.requireNonNull(structure, "structure");
        Objects.requireNonNull(composition, "composition");
    }

    /**
     * @param values parameter values by name
     * @return the point of a parameter space with these values, its id derived from them
     */
    public static Candidate of(Map<String, ParameterValue> values) {
        Map<String, ParameterValue> sorted = new TreeMap<>(values);
        StringBuilder id = new StringBuilder();
        sorted.forEach((k, v) -> id.append(id.length() == 0 ? "" : ";").append(k).append('=').append(v));
        String readable = id.length() == 0 ? "empty" : id.toString();
        return new Candidate(readable.length() <= MAX_ID_LENGTH ? readable : "sha256:" + sha256(readable), sorted,
                List.of(), Optional.empty(), Optional.empty());
    }

    /** @param id the id  @param descriptors the features  @return an entry of a candidate pool */
    public static Candidate pooled(String id, double... descriptors) {
        List<Double> list = new ArrayList<>(descriptors.length);
        for (double d : descriptors) {
            list.add(d);
        }
        return new Candidate(id, Map.of(), list, Optional.empty(), Optional.empty());
    }

    /** @param structure the structure  @return a copy of this candidate standing for that structure */
    public Candidate withStructure(Structure structure) {
        return new Candidate(id, values, descriptors, Optional.of(structure), composition);
    }

    /** @param composition the composition  @return a copy of this candidate standing for that composition */
    public Candidate withComposition(Composition composition) {
        return new Candidate(id, values, descriptors, structure, Optional.of(composition));
    }

    /** @return the descriptors as a new array */
    public double[] descriptorArray() {
        double[] d = new double[descriptors.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = descriptors.get(i);
        }
        return d;
    }

    /**
     * @param name a continuous or integer parameter
     * @return its value as a number
     * @throws IllegalArgumentException naming the parameter if it is absent or not numeric
     */
    public double number(String name) {
        ParameterValue v = value(name);
        if (v instanceof ParameterValue.Real r) {
            return r.value();
        }
        if (v instanceof ParameterValue.Whole w) {
            return w.value();
        }
        throw new IllegalArgumentException("parameter " + name + " of candidate " + id + " is not numeric: " + v);
    }

    /**
     * @param name a categorical parameter
     * @return its category
     * @throws IllegalArgumentException naming the parameter if it is absent or not categorical
     */
    public String category(String name) {
        if (value(name) instanceof ParameterValue.Category c) {
            return c.value();
        }
        throw new IllegalArgumentException("parameter " + name + " of candidate " + id + " is not categorical");
    }

    /**
     * @param name a composition parameter
     * @return its fractions by element
     * @throws IllegalArgumentException naming the parameter if it is absent or not a composition
     */
    public Map<dev.orion.structure.Element, Double> fractions(String name) {
        if (value(name) instanceof ParameterValue.Fractions f) {
            return f.fractions();
        }
        throw new IllegalArgumentException("parameter " + name + " of candidate " + id + " is not a composition");
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }

    private ParameterValue value(String name) {
        ParameterValue v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("candidate " + id + " has no parameter " + name + "; it has "
                    + values.keySet());
        }
        return v;
    }
}
