package dev.orion.structure;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.OptionalDouble;

/**
 * The element property table, read once from {@code elements.tsv}. Kept out of {@link Element}
 * so that the enum's constants exist before the table is checked against them.
 */
final class ElementTable {

    static final ElementTable INSTANCE = load();

    private static final int COUNT = 118;

    private final String[] names = new String[COUNT];
    private final double[] masses = new double[COUNT];
    private final double[] radii = new double[COUNT];
    private final double[] electronegativities = new double[COUNT];
    private final int[] groups = new int[COUNT];
    private final int[] periods = new int[COUNT];

    private ElementTable() {
    }

    String name(int index) {
        return names[index];
    }

    double mass(int index) {
        return masses[index];
    }

    OptionalDouble covalentRadius(int index) {
        return optional(radii[index]);
    }

    OptionalDouble electronegativity(int index) {
        return optional(electronegativities[index]);
    }

    int group(int index) {
        return groups[index];
    }

    int period(int index) {
        return periods[index];
    }

    private static OptionalDouble optional(double v) {
        return Double.isNaN(v) ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    private static ElementTable load() {
        ElementTable t = new ElementTable();
        Element[] elements = Element.values();
        int rows = 0;
        try (InputStream in = ElementTable.class.getResourceAsStream("elements.tsv")) {
            if (in == null) {
                throw new IllegalStateException("dev/orion/structure/elements.tsv is missing from the class path");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int lineNo = 0;
            while ((line = reader.readLine()) != null) {
                lineNo++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                int z = Integer.parseInt(f[0]);
                if (f.length != 8 || z != rows + 1 || !elements[z - 1].name().equals(f[1])) {
                    throw new IllegalStateException("elements.tsv line " + lineNo + " does not describe element "
                            + (rows + 1) + ": " + line);
                }
                int i = z - 1;
                t.names[i] = f[2];
                t.masses[i] = Double.parseDouble(f[3]);
                t.radii[i] = f[4].isEmpty() ? Double.NaN : Double.parseDouble(f[4]);
                t.electronegativities[i] = f[5].isEmpty() ? Double.NaN : Double.parseDouble(f[5]);
                t.groups[i] = Integer.parseInt(f[6]);
                t.periods[i] = Integer.parseInt(f[7]);
                rows++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read dev/orion/structure/elements.tsv", e);
        }
        if (rows != COUNT) {
            throw new IllegalStateException("elements.tsv has " + rows + " elements, expected " + COUNT);
        }
        return t;
    }
}
