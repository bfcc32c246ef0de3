package dev.orion.io.vasp;

import dev.orion.io.StructureWriter;
import dev.orion.structure.Element;
import dev.orion.structure.Site;
import dev.orion.structure.Structure;
import dev.orion.structure.StructureFormat;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Writes a {@link Structure} as a VASP 5 POSCAR: title, scale 1, lattice vectors in Å, species
 * line, counts line, {@code Selective dynamics} when any site has the property
 * {@code "selective_dynamics"}, then Direct coordinates with full precision (the shortest decimal
 * that reads back to the same double), so {@link PoscarReader} gives back the same structure.
 *
 * <p>Site order is kept exactly: consecutive sites of one element form one count group, and an
 * element that comes back later gets a group of its own (the species line may read
 * {@code Si O Si}, which VASP 5 accepts; VASP then needs a POTCAR with one entry per group). Sort
 * the structure by element first for the usual one-group-per-element layout.
 *
 * <p>What POSCAR cannot hold, and is therefore not written: oxidation states (only the element
 * is written), site properties other than {@code "selective_dynamics"}, structure properties
 * other than {@code "title"}. Site labels are written as a comment after the coordinates
 * ({@code # Na1}) and read back as labels. Sites without {@code "selective_dynamics"} in a
 * structure where other sites have it are written as free ({@code T T T}). Disordered structures
 * cannot be written.
 *
 * <p>Stateless and thread-safe.
 */
public final class PoscarWriter implements StructureWriter {

    /** The site property holding the three selective-dynamics flags ({@code List<Boolean>}). */
    public static final String SELECTIVE_DYNAMICS = "selective_dynamics";
    /** The structure property holding the title line. */
    public static final String TITLE = "title";

    /** A writer; it holds no state. */
    public PoscarWriter() {
    }

    @Override
    public StructureFormat format() {
        return StructureFormat.POSCAR;
    }

    /**
     * @throws IllegalArgumentException if a site is disordered (naming the first such site), or if
     *                                  a {@code "selective_dynamics"} property is not three booleans
     */
    @Override
    public String write(Structure structure) {
        Objects.requireNonNull(structure, "structure");
        int n = structure.size();
        List<Element> runElements = new ArrayList<>();
        List<Integer> runCounts = new ArrayList<>();
        boolean selective = false;
        for (int i = 0; i < n; i++) {
            Site site = structure.site(i);
            if (!site.isOrdered()) {
                throw new IllegalArgumentException("POSCAR cannot hold disordered sites: site " + i
                        + (site.label().isEmpty() ? "" : " '" + site.label() + "'") + " is " + site);
            }
            Element e = site.specie().element();
            int last = runElements.size() - 1;
            if (last >= 0 && runElements.get(last) == e) {
                runCounts.set(last, runCounts.get(last) + 1);
            } else {
                runElements.add(e);
                runCounts.add(1);
            }
            selective |= site.properties().containsKey(SELECTIVE_DYNAMICS);
        }
        if (n == 0) {
            throw new IllegalArgumentException("POSCAR cannot hold a structure without sites");
        }
        StringBuilder out = new StringBuilder(64 + 80 * n);
        out.append(title(structure, runElements)).append('\n');
        out.append("1.0\n");
        double[][] m = structure.lattice().matrix();
        for (double[] row : m) {
            out.append(' ').append(number(row[0])).append(' ').append(number(row[1])).append(' ')
                    .append(number(row[2])).append('\n');
        }
        StringBuilder symbols = new StringBuilder();
        StringBuilder counts = new StringBuilder();
        for (int g = 0; g < runElements.size(); g++) {
            String symbol = runElements.get(g).symbol();
            String count = Integer.toString(runCounts.get(g));
            int width = Math.max(symbol.length(), count.length()) + 3;
            symbols.append(" ".repeat(width - symbol.length())).append(symbol);
            counts.append(" ".repeat(width - count.length())).append(count);
        }
        out.append(symbols).append('\n').append(counts).append('\n');
        if (selective) {
            out.append("Selective dynamics\n");
        }
        out.append("Direct\n");
        for (int i = 0; i < n; i++) {
            Site site = structure.site(i);
            out.append(' ').append(number(site.x())).append(' ').append(number(site.y())).append(' ')
                    .append(number(site.z()));
            if (selective) {
                for (boolean f : flags(site, i)) {
                    out.append(f ? " T" : " F");
                }
            }
            if (!site.label().isEmpty()) {
                out.append(" # ").append(oneLine(site.label()));
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static List<Boolean> flags(Site site, int index) {
        Object value = site.properties().get(SELECTIVE_DYNAMICS);
        if (value == null) {
            return List.of(true, true, true);
        }
        if (value instanceof List<?> list && list.size() == 3 && list.stream().allMatch(Boolean.class::isInstance)) {
            return List.of((Boolean) list.get(0), (Boolean) list.get(1), (Boolean) list.get(2));
        }
        throw new IllegalArgumentException("site " + index + " property '" + SELECTIVE_DYNAMICS
                + "' must be a list of three booleans, was " + value);
    }

    private static String title(Structure structure, List<Element> runElements) {
        Object title = structure.properties().get(TITLE);
        if (title instanceof String s && !s.isBlank()) {
            return oneLine(s);
        }
        // Without a title, the elements in order of appearance say what the file is.
        Set<String> symbols = new LinkedHashSet<>();
        runElements.forEach(e -> symbols.add(e.symbol()));
        return String.join(" ", symbols);
    }

    private static String oneLine(String s) {
        return s.replace('\r', ' ').replace('\n', ' ').strip();
    }

    /**
     * The shortest decimal that reads back to the same double, padded to 22: in plain notation
     * unless that would be long (tiny or huge values), then with an exponent.
     */
    static String number(double v) {
        String s = v == 0 ? "0.0" : new BigDecimal(Double.toString(v)).toPlainString();
        if (s.indexOf('.') < 0) {
            s += ".0";
        }
        if (s.length() > 24) {
            s = Double.toString(v);
        }
        return s.length() >= 22 ? s : " ".repeat(22 - s.length()) + s;
    }
}
