package dev.orion.engine.continuum;

import java.util.List;
import java.util.Objects;

/**
 * One table a finite-element program printed (CalculiX's {@code .dat}: a {@code *NODE PRINT} or
 * {@code *EL PRINT} request at one time), kept whole so that any requested quantity can be read,
 * including those of an {@link dev.orion.engine.InputDeck} ORION did not write.
 *
 * @param quantity what is printed, e.g. {@code "displacements"}, {@code "stresses"}, {@code "temperatures"}
 * @param columns  the program's column legend, e.g. {@code "vx,vy,vz"} or {@code "elem, integ.pnt.,sxx,..."} (empty when it printed none)
 * @param set      the node or element set printed
 * @param time     the step time of the output
 * @param rows     the rows in printed order
 */
public record PrintedTable(String quantity, String columns, String set, double time, List<Row> rows) {

    /** Validates and copies. */
    public PrintedTable {
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(columns, "columns");
        Objects.requireNonNull(set, "set");
        rows = List.copyOf(rows);
    }

    /**
     * One printed row.
     *
     * @param keys   the leading integers (a node id; or an element id and an integration point)
     * @param values the numbers that follow
     */
    public record Row(List<Integer> keys, List<Double> values) {
        /** Copies. */
        public Row {
            keys = List.copyOf(keys);
            values = List.copyOf(values);
        }
    }
}
