package dev.orion.io.xyz;

import dev.orion.io.internal.SourceText;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The per-atom columns of an extended XYZ frame, from {@code Properties=name:type:count:...}:
 * type {@code S} string, {@code R} real, {@code I} integer, {@code L} logical ({@code T}/{@code F}).
 * Without a {@code Properties} key the columns are {@code species:S:1:pos:R:3}.
 */
final class ExtXyzColumns {

    /** Spec columns beyond this are surely not a real file and would only cost memory. */
    private static final int MAX_WIDTH = 100_000;

    /**
     * One named property.
     *
     * @param name  its name
     * @param type  S, R, I or L
     * @param count the number of columns it spans
     * @param first its first column (0-based)
     */
    record Column(String name, char type, int count, int first) {
    }

    static final ExtXyzColumns DEFAULT = new ExtXyzColumns(
            List.of(new Column("species", 'S', 1, 0), new Column("pos", 'R', 3, 1)), 4, 0, 1, -1);

    private final List<Column> columns;
    private final int width;
    private final int species;
    private final int pos;
    private final int z;

    private ExtXyzColumns(List<Column> columns, int width, int species, int pos, int z) {
        this.columns = columns;
        this.width = width;
        this.species = species;
        this.pos = pos;
        this.z = z;
    }

    static ExtXyzColumns parse(SourceText src, int line, int column, String spec) {
        String[] parts = spec.split(":", -1);
        if (parts.length % 3 != 0 || spec.isBlank()) {
            throw src.error(line, column, "expected Properties as name:type:count triples "
                    + "(e.g. species:S:1:pos:R:3), found '" + abbreviate(spec) + "'");
        }
        List<Column> columns = new ArrayList<>();
        Set<String> names = new HashSet<>();
        int width = 0;
        int species = -1;
        int pos = -1;
        int z = -1;
        for (int p = 0; p < parts.length; p += 3) {
            String name = parts[p];
            String type = parts[p + 1].toUpperCase(Locale.ROOT);
            if (name.isBlank() || !names.add(name)) {
                throw src.error(line, column, "Properties: " + (name.isBlank() ? "blank property name"
                        : "property '" + name + "' is named twice") + " in '" + abbreviate(spec) + "'");
            }
            if (type.length() != 1 || "SRIL".indexOf(type.charAt(0)) < 0) {
                throw src.error(line, column, "Properties: expected type S, R, I or L for '" + name
                        + "', found '" + parts[p + 1] + "'");
            }
            int count;
            try {
                count = Integer.parseInt(parts[p + 2]);
            } catch (NumberFormatException e) {
                count = -1;
            }
            if (count < 1 || count > MAX_WIDTH - width) {
                throw src.error(line, column, "Properties: expected a column count between 1 and "
                        + (MAX_WIDTH - width) + " for '" + name + "', found '" + parts[p + 2] + "'");
            }
            char t = type.charAt(0);
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals("species") && species < 0) {
                requireShape(src, line, column, name, t, count, 'S', 1);
                species = columns.size();
            } else if ((lower.equals("pos") || lower.equals("positions")) && pos < 0) {
                requireShape(src, line, column, name, t, count, 'R', 3);
                pos = columns.size();
            } else if (name.equals("Z") && t == 'I' && count == 1) {
                z = columns.size();
            }
            columns.add(new Column(name, t, count, width));
            width += count;
        }
        if (pos < 0) {
            throw src.error(line, column, "Properties: expected a pos:R:3 column, found '" + abbreviate(spec) + "'");
        }
        if (species < 0 && z < 0) {
            throw src.error(line, column, "Properties: expected a species:S:1 (or Z:I:1) column, found '"
                    + abbreviate(spec) + "'");
        }
        return new ExtXyzColumns(List.copyOf(columns), width, species, pos, z);
    }

    private static void requireShape(SourceText src, int line, int column, String name, char type, int count,
                                     char wantType, int wantCount) {
        if (type != wantType || count != wantCount) {
            throw src.error(line, column, "Properties: expected " + name + ":" + wantType + ":" + wantCount
                    + ", found " + name + ":" + type + ":" + count);
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }

    List<Column> columns() {
        return columns;
    }

    /** The number of tokens an atom line must have. */
    int width() {
        return width;
    }

    /** The species column, or null when the element comes from {@code Z}. */
    Column species() {
        return species < 0 ? null : columns.get(species);
    }

    Column pos() {
        return columns.get(pos);
    }

    /** The {@code Z:I:1} column, or null. */
    Column z() {
        return z < 0 ? null : columns.get(z);
    }

    /** Whether a column becomes a site property (everything but species, pos, and Z when it gives the element). */
    boolean isSiteProperty(int index) {
        return index != species && index != pos && !(index == z && species < 0);
    }
}
