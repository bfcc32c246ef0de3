package dev.orion.engines.lammps;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What a LAMMPS log says: the version line, every thermo block (header of column names, rows, then
 * {@code Loop time of ...}), the minimiser's stopping criterion and iteration count, and an error
 * ({@code ERROR: ...} or {@code ERROR on proc N: ...}) with its {@code Last command}.
 */
final class LammpsLog {

    /** One thermo block: column names and numeric rows. */
    record ThermoBlock(List<String> columns, List<double[]> rows) {
        double last(String column) {
            int i = columns.indexOf(column);
            if (i < 0 || rows.isEmpty()) {
                throw new IllegalStateException("thermo block has no column " + column + " or no rows: " + columns);
            }
            return rows.get(rows.size() - 1)[i];
        }

        Optional<Double> value(double[] row, String column) {
            int i = columns.indexOf(column);
            return i < 0 ? Optional.empty() : Optional.of(row[i]);
        }
    }

    final Optional<String> version;
    final List<ThermoBlock> blocks;
    final Optional<String> stoppingCriterion;
    final int iterations;
    final Optional<String> error;
    final Optional<String> lastCommand;
    final boolean finished;

    private LammpsLog(Optional<String> version, List<ThermoBlock> blocks, Optional<String> stoppingCriterion,
            int iterations, Optional<String> error, Optional<String> lastCommand, boolean finished) {
        this.version = version;
        this.blocks = blocks;
        this.stoppingCriterion = stoppingCriterion;
        this.iterations = iterations;
        this.error = error;
        this.lastCommand = lastCommand;
        this.finished = finished;
    }

    static LammpsLog parse(String text) {
        String[] lines = text.split("\r?\n", -1);
        Optional<String> version = Optional.empty();
        List<ThermoBlock> blocks = new ArrayList<>();
        Optional<String> criterion = Optional.empty();
        int iterations = 0;
        Optional<String> error = Optional.empty();
        Optional<String> lastCommand = Optional.empty();
        boolean finished = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String trimmed = line.trim();
            if (version.isEmpty() && line.startsWith("LAMMPS (")) {
                version = Optional.of("LAMMPS " + line.substring(8, line.lastIndexOf(')') > 8 ? line.lastIndexOf(')') : line.length()));
            } else if (trimmed.startsWith("Step ") && isHeader(trimmed)) {
                List<String> columns = Arrays.asList(trimmed.split("\\s+"));
                List<double[]> rows = new ArrayList<>();
                int j = i + 1;
                for (; j < lines.length; j++) {
                    String row = lines[j].trim();
                    if (row.startsWith("Loop time of") || row.startsWith("ERROR")) {
                        break;
                    }
                    double[] values = numbers(row, columns.size());
                    if (values != null) {
                        rows.add(values);
                    }
                }
                blocks.add(new ThermoBlock(List.copyOf(columns), List.copyOf(rows)));
                i = j - 1;
            } else if (trimmed.startsWith("Stopping criterion =")) {
                criterion = Optional.of(trimmed.substring("Stopping criterion =".length()).trim());
            } else if (trimmed.startsWith("Iterations, force evaluations =")) {
                String[] parts = trimmed.substring("Iterations, force evaluations =".length()).trim().split("\\s+");
                iterations = Integer.parseInt(parts[0]);
            } else if (trimmed.startsWith("ERROR") && error.isEmpty()) {
                int colon = trimmed.indexOf(':');
                error = Optional.of(colon >= 0 ? trimmed.substring(colon + 1).trim() : trimmed);
            } else if (trimmed.startsWith("Last command:") && lastCommand.isEmpty()) {
                lastCommand = Optional.of(trimmed.substring("Last command:".length()).trim());
            } else if (trimmed.equals(LammpsInput.DONE_MARKER)) {
                finished = true;
            }
        }
        return new LammpsLog(version, List.copyOf(blocks), criterion, iterations, error, lastCommand, finished);
    }

    /** A header is words only, and the next non-blank line is numeric: "Step PotEng Lx Press". */
    private static boolean isHeader(String line) {
        for (String w : line.split("\\s+")) {
            if (!w.isEmpty() && (Character.isDigit(w.charAt(0)) || w.charAt(0) == '-')) {
                return false;
            }
        }
        return true;
    }

    private static double[] numbers(String row, int count) {
        String[] parts = row.split("\\s+");
        if (parts.length != count) {
            return null;
        }
        double[] out = new double[count];
        for (int k = 0; k < count; k++) {
            try {
                out[k] = Double.parseDouble(parts[k]);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return out;
    }

    /** @return the error message with the command that caused it, or empty */
    Optional<String> errorMessage() {
        return error.map(e -> lastCommand.map(c -> e + " (last command: " + c + ")").orElse(e));
    }
}
