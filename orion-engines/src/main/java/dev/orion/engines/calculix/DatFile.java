package dev.orion.engines.calculix;

import dev.orion.engine.continuum.ContinuumResult;
import dev.orion.engine.continuum.PrintedTable;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads CalculiX's {@code .dat} file: every {@code *NODE PRINT} / {@code *EL PRINT} table (a header
 * {@code "<quantity> (<columns>) for set <set> and time <t>"}, the legend absent for some quantities
 * such as temperatures, then rows of leading integers and
 * numbers) and the frequencies of the eigenvalue output.
 */
final class DatFile {

    private static final Pattern HEADER =
            Pattern.compile("^\\s*(\\S.*?)\\s*(?:\\((.*)\\))?\\s+for set\\s+(\\S+)\\s+and time\\s+(\\S+)\\s*$");
    private static final Pattern INTEGER = Pattern.compile("-?\\d+");
    private static final String EIGENVALUES = "E I G E N V A L U E   O U T P U T";

    private DatFile() {
    }

    /** @param text the {@code .dat} file's text  @return its tables and frequencies */
    static ContinuumResult parse(String text) {
        List<PrintedTable> tables = new ArrayList<>();
        List<Double> frequencies = new ArrayList<>();
        String[] lines = text.split("\\R");
        int i = 0;
        while (i < lines.length) {
            Matcher h = HEADER.matcher(lines[i]);
            if (h.matches()) {
                List<PrintedTable.Row> rows = new ArrayList<>();
                i = rows(lines, i + 1, rows);
                tables.add(new PrintedTable(h.group(1), h.group(2) == null ? "" : h.group(2), h.group(3), Double.parseDouble(h.group(4)), rows));
            } else if (lines[i].contains(EIGENVALUES)) {
                List<PrintedTable.Row> rows = new ArrayList<>();
                i = rows(lines, skipToNumbers(lines, i + 1), rows);
                // MODE NO, EIGENVALUE, FREQUENCY real part in rad/time, in cycles/time, imaginary part
                rows.forEach(r -> frequencies.add(r.values().get(2)));
            } else {
                i++;
            }
        }
        return new ContinuumResult(tables, frequencies);
    }

    private static int skipToNumbers(String[] lines, int from) {
        int i = from;
        while (i < lines.length && row(lines[i]) == null) {
            i++;
        }
        return i;
    }

    /** Reads rows from {@code from}, past leading blank lines, up to the first line that is not a row. */
    private static int rows(String[] lines, int from, List<PrintedTable.Row> rows) {
        int i = from;
        while (i < lines.length && lines[i].isBlank()) {
            i++;
        }
        while (i < lines.length) {
            PrintedTable.Row r = row(lines[i]);
            if (r == null) {
                break;
            }
            rows.add(r);
            i++;
        }
        return i;
    }

    /** @return the row, or null if the line is not leading integers followed by numbers */
    private static PrintedTable.Row row(String line) {
        String[] tokens = line.trim().split("\\s+");
        if (tokens.length < 2 || !INTEGER.matcher(tokens[0]).matches()) {
            return null;
        }
        List<Integer> keys = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (String t : tokens) {
            if (values.isEmpty() && INTEGER.matcher(t).matches()) {
                keys.add(Integer.parseInt(t));
                continue;
            }
            try {
                values.add(Double.parseDouble(fortran(t)));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return values.isEmpty() ? null : new PrintedTable.Row(keys, values);
    }

    /** Fortran may drop the {@code E} of a three-digit exponent: {@code 1.0-100} means {@code 1.0E-100}. */
    private static String fortran(String t) {
        return t.matches("-?\\d*\\.\\d+[+-]\\d{3}") ? t.replaceFirst("(\\d)([+-]\\d{3})$", "$1E$2") : t;
    }
}
