package dev.orion.io.xyz;

import dev.orion.StructureParseException;
import dev.orion.io.internal.SourceText;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the comment line of one XYZ frame says. A line is read as extended XYZ when it consists
 * of {@code key=value} pairs, or when it has a {@code Lattice} or {@code Properties} key (then
 * bare words are flags, as in ASE); anything else is a plain comment, kept as the property
 * {@code "comment"}.
 */
final class ExtXyzHeader {

    /** The property holding a plain comment line. */
    static final String COMMENT = "comment";
    /** The property holding the periodic boundary flags, a list of three booleans. */
    static final String PBC = "pbc";

    private final double[] lattice;
    private final ExtXyzColumns columns;
    private final Map<String, Object> properties;
    private final boolean extended;

    private ExtXyzHeader(double[] lattice, ExtXyzColumns columns, Map<String, Object> properties, boolean extended) {
        this.lattice = lattice;
        this.columns = columns;
        this.properties = properties;
        this.extended = extended;
    }

    static ExtXyzHeader parse(SourceText src, int line) {
        String text = src.line(line);
        String lower = text.toLowerCase(Locale.ROOT);
        boolean claimsExtended = lower.contains("lattice=") || lower.contains("properties=");
        List<ExtXyzComment.Pair> pairs;
        try {
            pairs = ExtXyzComment.parse(src, line);
        } catch (StructureParseException e) {
            if (claimsExtended) {
                throw e;
            }
            return plain(text);
        }
        boolean anyValue = false;
        boolean allValues = true;
        boolean specialKey = false;
        for (ExtXyzComment.Pair p : pairs) {
            anyValue |= p.hasValue();
            allValues &= p.hasValue();
            specialKey |= p.hasValue() && (p.key().equalsIgnoreCase("Lattice") || p.key().equalsIgnoreCase("Properties"));
        }
        if (!anyValue || (!allValues && !specialKey)) {
            return plain(text);
        }
        double[] lattice = null;
        ExtXyzColumns columns = ExtXyzColumns.DEFAULT;
        Map<String, Object> properties = new LinkedHashMap<>();
        for (ExtXyzComment.Pair p : pairs) {
            String key = p.key();
            if (key.equalsIgnoreCase("Lattice")) {
                lattice = numbers(src, line, p, 9, "Lattice as nine numbers (the vectors a, b, c in Å)");
            } else if (key.equalsIgnoreCase("Properties")) {
                columns = ExtXyzColumns.parse(src, line, p.valueColumn(), p.value());
            } else if (key.equalsIgnoreCase(PBC)) {
                properties.put(PBC, pbc(src, line, p));
            } else {
                properties.put(key, ExtXyzValues.typed(p.value()));
            }
        }
        return new ExtXyzHeader(lattice, columns, Collections.unmodifiableMap(properties), true);
    }

    private static ExtXyzHeader plain(String text) {
        String comment = text.strip();
        return new ExtXyzHeader(null, ExtXyzColumns.DEFAULT,
                comment.isEmpty() ? Map.of() : Map.of(COMMENT, comment), false);
    }

    private static double[] numbers(SourceText src, int line, ExtXyzComment.Pair p, int n, String what) {
        String[] parts = p.value().strip().split("\\s+");
        if (parts.length != n) {
            throw src.error(line, p.valueColumn(), "expected " + what + ", found " + (p.value().isBlank() ? 0 : parts.length)
                    + " value(s)");
        }
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = SourceText.parseDoubleOrNaN(parts[i]);
            if (!Double.isFinite(v[i])) {
                throw src.error(line, p.valueColumn(), "expected " + what + ", found '" + parts[i] + "'");
            }
        }
        return v;
    }

    private static List<Boolean> pbc(SourceText src, int line, ExtXyzComment.Pair p) {
        String[] parts = p.value().strip().split("\\s+");
        List<Boolean> flags = new ArrayList<>(3);
        for (String part : parts) {
            Boolean b = ExtXyzValues.bool(part);
            if (b == null && part.equals("1")) {
                b = Boolean.TRUE;
            } else if (b == null && part.equals("0")) {
                b = Boolean.FALSE;
            }
            if (b == null || parts.length != 3) {
                throw src.error(line, p.valueColumn(), "expected pbc as three flags (\"T T T\"), found '"
                        + p.value() + "'");
            }
            flags.add(b);
        }
        return List.copyOf(flags);
    }

    /** The lattice vectors a, b, c as nine numbers, or null when the frame has no lattice. */
    double[] lattice() {
        return lattice == null ? null : lattice.clone();
    }

    ExtXyzColumns columns() {
        return columns;
    }

    /** Frame properties: typed {@code key=value} pairs, {@code pbc}, or a plain {@code comment}. */
    Map<String, Object> properties() {
        return properties;
    }

    /** Whether the line was read as extended XYZ. */
    boolean extended() {
        return extended;
    }
}
