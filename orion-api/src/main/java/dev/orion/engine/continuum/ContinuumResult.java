package dev.orion.engine.continuum;

import dev.orion.engine.Vector3;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a finite-element run printed and wrote: every table of its {@code .dat} file, the natural
 * frequencies of a frequency analysis, and the nodal fields of its result file ({@code .frd}). The
 * typed views ({@link #displacements()}, {@link #temperatures()}, {@link #stresses()}) read the last
 * printed table of their quantity, i.e. the end of the last step; the nodal views
 * ({@link #nodalDisplacements()}, {@link #nodalStresses()}, {@link #nodalTemperatures()}) read the last
 * field of theirs, and {@link #fields(String)} gives every step's.
 *
 * <pre>{@code
 * ContinuumResult r = result.continuum().orElseThrow();
 * double peak = r.nodalStresses().get(holeNode).xx();          // stress extrapolated to the node
 * Map<Integer, Vector3> u = r.nodalDisplacements();            // every node, not only printed ones
 * }</pre>
 *
 * @param tables      the printed tables, in file order
 * @param frequencies natural frequencies in cycles per time unit (Hz in SI), lowest first; empty
 *                    unless a frequency analysis ran
 * @param fields      the nodal result blocks of the result file, in file order (empty when the run
 *                    wrote none)
 */
public record ContinuumResult(List<PrintedTable> tables, List<Double> frequencies, List<NodalField> fields) {

    /** Copies. */
    public ContinuumResult {
        tables = List.copyOf(tables);
        frequencies = List.copyOf(frequencies);
        fields = List.copyOf(fields);
    }

    /**
     * A result without nodal fields (a run that wrote only its {@code .dat} file).
     *
     * @param tables      the printed tables, in file order
     * @param frequencies natural frequencies, lowest first
     */
    public ContinuumResult(List<PrintedTable> tables, List<Double> frequencies) {
        this(tables, frequencies, List.of());
    }

    /** @param name e.g. {@code "DISP"}, {@code "STRESS"}, {@code "NDTEMP"}  @return its fields, one per written increment, in file order */
    public List<NodalField> fields(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).toList();
    }

    /** @param name e.g. {@code "DISP"}  @return the last field of it, if written */
    public Optional<NodalField> lastField(String name) {
        List<NodalField> all = fields(name);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /**
     * @return the displacement of every written node at the end, by node id (empty if none was written; mode shapes
     *         are not displacements of the part, see {@link #modeShapes()})
     */
    public Map<Integer, Vector3> nodalDisplacements() {
        return fields("DISP").stream().filter(f -> f.mode() == 0).reduce((a, b) -> b).map(NodalField::vectors).orElse(Map.of());
    }

    /** @return the stress extrapolated to every written node at the end, by node id (empty if none was written) */
    public Map<Integer, NodalStress> nodalStresses() {
        return lastField("STRESS").map(NodalField::stresses).orElse(Map.of());
    }

    /** @return the temperature of every written node at the end, by node id (empty if none was written) */
    public Map<Integer, Double> nodalTemperatures() {
        return lastField("NDTEMP").map(NodalField::scalars).orElse(Map.of());
    }

    /**
     * @return the mode shapes of a frequency analysis, lowest mode first: each mode's number, frequency and nodal
     *         displacement field, as the result file holds them (empty unless the run wrote them; ORION's frequency
     *         decks do)
     */
    public List<ModeShape> modeShapes() {
        return fields("DISP").stream().filter(f -> f.mode() > 0)
                .map(f -> new ModeShape(f.mode(), f.time(), f.vectors())).toList();
    }

    /** @param quantity e.g. {@code "displacements"}  @return the last table of it, if printed */
    public Optional<PrintedTable> last(String quantity) {
        for (int i = tables.size() - 1; i >= 0; i--) {
            if (tables.get(i).quantity().equals(quantity)) {
                return Optional.of(tables.get(i));
            }
        }
        return Optional.empty();
    }

    /** @return the displacement of each printed node, by node id (empty if none was printed) */
    public Map<Integer, Vector3> displacements() {
        Map<Integer, Vector3> out = new LinkedHashMap<>();
        last("displacements").ifPresent(t -> t.rows().forEach(r ->
                out.put(r.keys().get(0), new Vector3(r.values().get(0), r.values().get(1), r.values().get(2)))));
        return Collections.unmodifiableMap(out);
    }

    /** @return the temperature of each printed node, by node id (empty if none was printed) */
    public Map<Integer, Double> temperatures() {
        Map<Integer, Double> out = new LinkedHashMap<>();
        last("temperatures").ifPresent(t -> t.rows().forEach(r -> out.put(r.keys().get(0), r.values().get(0))));
        return Collections.unmodifiableMap(out);
    }

    /** @return the stresses at the printed integration points (empty if none were printed) */
    public List<PointStress> stresses() {
        List<PointStress> out = new ArrayList<>();
        last("stresses").ifPresent(t -> t.rows().forEach(r -> {
            List<Double> v = r.values();
            out.add(new PointStress(r.keys().get(0), r.keys().get(1), v.get(0), v.get(1), v.get(2), v.get(3),
                    v.get(4), v.get(5)));
        }));
        return List.copyOf(out);
    }
}
