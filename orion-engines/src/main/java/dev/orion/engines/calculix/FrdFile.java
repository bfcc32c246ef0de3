package dev.orion.engines.calculix;

import dev.orion.engine.continuum.NodalField;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the nodal result blocks of CalculiX's ASCII result file ({@code .frd}, the CalculiX GraphiX
 * format). The file is a sequence of fixed-width records: {@code 1C} and {@code 1U} header lines,
 * the node block {@code 2C} and the element block {@code 3C} (skipped: the mesh is the deck's), and a
 * result block {@code 100C} per quantity and written increment: its header (the time in columns 13-24,
 * the step number in 59-63, the record format in 74-75: 0 for five-digit node ids, 1 for ten-digit,
 * 2 or more for binary, which is refused), a {@code -4} line naming the quantity, one {@code -5} line
 * per component (those flagged 1 in columns 34-38, such as {@code ALL}, are computed by the viewer and
 * not stored), then {@code -1} lines of a node id and {@code E12.5} values, {@code -2} lines continuing
 * them past six values, and {@code -3} closing the block. A {@code 1PSTEP} line before a block gives
 * the analysis step in its third number; a {@code 1PMODE} line after it marks the step's blocks as a mode shape of a
 * frequency analysis, with the mode's number (the block's time is then the mode's frequency).
 */
final class FrdFile {

    private static final int FIELD = 12;

    private FrdFile() {
    }

    /**
     * @param text   the file's text
     * @param source the file's name, for errors
     * @return its nodal fields in file order
     * @throws CalculixFormatException naming the line if a record is malformed
     */
    static List<NodalField> parse(String text, String source) {
        String[] lines = text.split("\\R");
        List<NodalField> fields = new ArrayList<>();
        int step = 0;
        int mode = 0;
        int i = 0;
        while (i < lines.length) {
            String line = lines[i];
            if (line.startsWith("    1PSTEP")) {
                String[] numbers = line.substring(10).trim().split("\\s+");
                step = integer(numbers[numbers.length - 1], source, i + 1, "the step number of a 1PSTEP line");
                mode = 0;
                i++;
            } else if (line.startsWith("    1PMODE")) {
                mode = integer(line.substring(10).trim(), source, i + 1, "the mode number of a 1PMODE line");
                i++;
            } else if (line.startsWith("    2C") || line.startsWith("    3C")) {
                if (format(line, source, i + 1) >= 2) {
                    throw new CalculixFormatException(source, i + 1, "binary records are not read; write the file in ASCII");
                }
                i = skipBlock(lines, i + 1, source);
            } else if (line.startsWith("  100C")) {
                i = result(lines, i, step, mode, source, fields);
            } else {
                i++;
            }
        }
        return fields;
    }

    private static int result(String[] lines, int at, int stepSeen, int mode, String source, List<NodalField> fields) {
        String header = lines[at];
        double time = number(column(header, 12, 24), source, at + 1, "the time of a 100C header");
        int step = stepSeen > 0 ? stepSeen : integer(column(header, 58, 63), source, at + 1, "the step of a 100C header");
        int format = format(header, source, at + 1);
        if (format >= 2) {
            throw new CalculixFormatException(source, at + 1, "binary records are not read; write the file in ASCII");
        }
        int nodeWidth = format == 0 ? 5 : 10;
        int i = at + 1;
        if (i >= lines.length || !lines[i].startsWith(" -4")) {
            throw new CalculixFormatException(source, i + 1, "expected the -4 line naming the quantity after a 100C header");
        }
        String name = column(lines[i], 5, 13);
        i++;
        List<String> components = new ArrayList<>();
        while (i < lines.length && lines[i].startsWith(" -5")) {
            String l = lines[i];
            boolean computed = l.length() >= 38 && column(l, 33, 38).equals("1");
            if (!computed) {
                components.add(column(l, 5, 13));
            }
            i++;
        }
        if (components.isEmpty()) {
            throw new CalculixFormatException(source, i + 1, "field " + name + " has no stored components (-5 lines)");
        }
        Map<Integer, List<Double>> values = new LinkedHashMap<>();
        List<Double> current = null;
        int currentLine = 0;
        for (; i < lines.length; i++) {
            String l = lines[i];
            if (l.startsWith(" -3")) {
                check(current, components, name, source, currentLine);
                fields.add(new NodalField(name, step, time, components, values, mode));
                return i + 1;
            }
            boolean first = l.startsWith(" -1");
            if (!first && !l.startsWith(" -2")) {
                throw new CalculixFormatException(source, i + 1, "expected a -1, -2 or -3 record in field " + name
                        + ", found '" + abbreviate(l) + "'");
            }
            if (first) {
                check(current, components, name, source, currentLine);
                int node = integer(column(l, 3, 3 + nodeWidth), source, i + 1, "a node id");
                current = new ArrayList<>();
                currentLine = i + 1;
                if (values.put(node, current) != null) {
                    throw new CalculixFormatException(source, i + 1, "node " + node + " appears twice in field " + name);
                }
            } else if (current == null) {
                throw new CalculixFormatException(source, i + 1, "a -2 continuation before any -1 record in field " + name);
            }
            for (int c = 3 + nodeWidth; c < l.stripTrailing().length(); c += FIELD) {
                current.add(number(column(l, c, c + FIELD), source, i + 1, "a value of field " + name));
            }
        }
        throw new CalculixFormatException(source, lines.length, "field " + name + " ends without its -3 record");
    }

    private static void check(List<Double> values, List<String> components, String name, String source, int line) {
        if (values != null && values.size() != components.size()) {
            throw new CalculixFormatException(source, line, "field " + name + " has " + components.size()
                    + " components but the node has " + values.size() + " values");
        }
    }

    private static int skipBlock(String[] lines, int from, String source) {
        for (int i = from; i < lines.length; i++) {
            if (lines[i].startsWith(" -3")) {
                return i + 1;
            }
        }
        throw new CalculixFormatException(source, lines.length, "a node or element block ends without its -3 record");
    }

    /** The record format of a 2C, 3C or 100C header, columns 74-75; 1 when the line stops before. */
    private static int format(String header, String source, int line) {
        String f = column(header, 73, 75);
        return f.isEmpty() ? 1 : integer(f, source, line, "the record format");
    }

    /** @return the trimmed text of columns [from, to) (0-based), shorter or empty past the end of the line */
    private static String column(String line, int from, int to) {
        return from >= line.length() ? "" : line.substring(from, Math.min(to, line.length())).trim();
    }

    private static int integer(String text, String source, int line, String what) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new CalculixFormatException(source, line, "expected an integer for " + what + ", found '" + text + "'");
        }
    }

    private static double number(String text, String source, int line, String what) {
        try {
            double v = Double.parseDouble(text);
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below with the location
        }
        throw new CalculixFormatException(source, line, "expected a finite number for " + what + ", found '" + text + "'");
    }

    private static String abbreviate(String line) {
        return line.length() > 40 ? line.substring(0, 40) + "..." : line;
    }
}
