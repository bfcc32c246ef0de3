package dev.orion.engine.continuum;

import dev.orion.engine.Vector3;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a finite-element run printed: every table of its {@code .dat} file, and the natural
 * frequencies of a frequency analysis. The typed views ({@link #displacements()},
 * {@link #temperatures()}, {@link #stresses()}) read the last table of their quantity, i.e. the end
 * of the last step.
 *
 * @param tables      the printed tables, in file order
 * @param frequencies natural frequencies in cycles per time unit (Hz in SI), lowest first; empty
 *                    unless a frequency analysis ran
 */
public record ContinuumResult(List<PrintedTable> tables, List<Double> frequencies) {

    /** Copies. */
    public ContinuumResult {
        tables = List.copyOf(tables);
        frequencies = List.copyOf(frequencies);
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
