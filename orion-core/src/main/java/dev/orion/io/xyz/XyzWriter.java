package dev.orion.io.xyz;

import dev.orion.io.StructureWriter;
import dev.orion.structure.Atom;
import dev.orion.structure.Molecule;
import dev.orion.structure.Site;
import dev.orion.structure.Structure;
import dev.orion.structure.StructureFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes structures and molecules as XYZ or extended XYZ frames, with every number in its
 * shortest exact form ({@link Double#toString}), so that {@link XyzReader} reads back the same
 * values.
 *
 * <p>Plain XYZ ({@link StructureFormat#XYZ}): the atom count, a comment line (the property
 * {@code "comment"}, else {@code "title"}, else the formula), then {@code symbol x y z} in Å. It
 * cannot hold a lattice: a {@link Structure} written as plain XYZ loses its cell and reads back as
 * a {@link Molecule}; use extended XYZ to round-trip structures. Properties are not written.
 *
 * <p>Extended XYZ ({@link StructureFormat#EXTXYZ}): the comment line holds
 * {@code Lattice="..."} (structures only), {@code Properties=species:S:1:pos:R:3...}, the
 * structure (or molecule) properties as {@code key=value}, and {@code pbc} ({@code "T T T"} for a
 * structure unless it has a {@code "pbc"} property, {@code "F F F"} for a molecule). Site
 * properties become extra columns when every site has them with the same shape (a number, a
 * boolean, a string without spaces, or a list of those of one length); other site properties,
 * site labels, oxidation states, and structure properties that are maps or lists of strings are
 * not written. A string property that reads as a number or {@code T}/{@code F} comes back typed.
 *
 * <p>Neither variant has occupancies: disordered structures are rejected. Stateless and
 * thread-safe.
 */
public final class XyzWriter implements StructureWriter {

    private static final List<String> RESERVED = List.of("species", "pos", "positions", "Lattice", "Properties",
            ExtXyzHeader.PBC);

    private final StructureFormat format;

    /** A writer of plain XYZ. */
    public XyzWriter() {
        this(StructureFormat.XYZ);
    }

    /**
     * @param format {@link StructureFormat#XYZ} or {@link StructureFormat#EXTXYZ}
     * @throws IllegalArgumentException for any other format
     */
    public XyzWriter(StructureFormat format) {
        this.format = requireXyz(format);
    }

    static StructureFormat requireXyz(StructureFormat format) {
        Objects.requireNonNull(format, "format");
        if (format != StructureFormat.XYZ && format != StructureFormat.EXTXYZ) {
            throw new IllegalArgumentException("format must be XYZ or EXTXYZ, was " + format);
        }
        return format;
    }

    @Override
    public StructureFormat format() {
        return format;
    }

    /**
     * Writes one frame.
     *
     * @throws IllegalArgumentException if a site is disordered (naming the first such site)
     */
    @Override
    public String write(Structure structure) {
        Objects.requireNonNull(structure, "structure");
        StringBuilder out = new StringBuilder(64 + 64 * structure.size());
        appendFrame(out, structure);
        return out.toString();
    }

    /**
     * Writes several structures as consecutive frames of one file.
     *
     * @param structures the frames, in order
     * @return the file's text
     * @throws IllegalArgumentException if a site is disordered
     */
    public String writeAll(List<Structure> structures) {
        Objects.requireNonNull(structures, "structures");
        StringBuilder out = new StringBuilder();
        for (Structure s : structures) {
            appendFrame(out, Objects.requireNonNull(s, "structure"));
        }
        return out.toString();
    }

    /**
     * Writes a molecule as one frame (extended XYZ: with its properties and {@code pbc="F F F"}).
     *
     * @param molecule the molecule
     * @return the frame's text
     */
    public String write(Molecule molecule) {
        Objects.requireNonNull(molecule, "molecule");
        int n = molecule.size();
        StringBuilder out = new StringBuilder(64 + 64 * n);
        out.append(n).append('\n');
        List<ExtXyzPropertyColumns.Planned> columns = format == StructureFormat.EXTXYZ
                ? ExtXyzPropertyColumns.plan(n, i -> molecule.site(i).properties(), RESERVED) : List.of();
        if (format == StructureFormat.EXTXYZ) {
            appendExtendedComment(out, null, columns, molecule.properties(), false);
        } else {
            out.append(plainComment(molecule.properties(), molecule.composition().formula()));
        }
        out.append('\n');
        for (int i = 0; i < n; i++) {
            Atom a = molecule.site(i);
            appendAtom(out, a.element().symbol(), a.x(), a.y(), a.z());
            for (ExtXyzPropertyColumns.Planned c : columns) {
                c.append(out, a.properties().get(c.name()));
            }
            out.append('\n');
        }
        return out.toString();
    }

    private void appendFrame(StringBuilder out, Structure structure) {
        int n = structure.size();
        for (int i = 0; i < n; i++) {
            Site site = structure.site(i);
            if (!site.isOrdered()) {
                throw new IllegalArgumentException(format + " cannot hold disordered sites (it has no occupancies): "
                        + "site " + i + (site.label().isEmpty() ? "" : " '" + site.label() + "'") + " is " + site);
            }
        }
        out.append(n).append('\n');
        List<ExtXyzPropertyColumns.Planned> columns = format == StructureFormat.EXTXYZ
                ? ExtXyzPropertyColumns.plan(n, structure::siteProperties, RESERVED) : List.of();
        if (format == StructureFormat.EXTXYZ) {
            appendExtendedComment(out, structure.lattice().matrix(), columns, structure.properties(), true);
        } else {
            out.append(plainComment(structure.properties(), structure.formula()));
        }
        out.append('\n');
        for (int i = 0; i < n; i++) {
            double[] cart = structure.cartesian(i);
            appendAtom(out, structure.speciesAt(i).keySet().iterator().next().element().symbol(),
                    cart[0], cart[1], cart[2]);
            if (!columns.isEmpty()) {
                Map<String, Object> props = structure.siteProperties(i);
                for (ExtXyzPropertyColumns.Planned c : columns) {
                    c.append(out, props.get(c.name()));
                }
            }
            out.append('\n');
        }
    }

    private static void appendAtom(StringBuilder out, String symbol, double x, double y, double z) {
        out.append(symbol).append(' ').append(x).append(' ').append(y).append(' ').append(z);
    }

    private static void appendExtendedComment(StringBuilder out, double[][] lattice,
                                              List<ExtXyzPropertyColumns.Planned> columns,
                                              Map<String, Object> properties, boolean periodic) {
        if (lattice != null) {
            out.append("Lattice=\"");
            for (int r = 0; r < 3; r++) {
                for (int c = 0; c < 3; c++) {
                    out.append(r + c == 0 ? "" : " ").append(lattice[r][c] + 0.0);
                }
            }
            out.append("\" ");
        }
        out.append("Properties=species:S:1:pos:R:3");
        for (ExtXyzPropertyColumns.Planned c : columns) {
            out.append(':').append(c.spec());
        }
        Object pbc = properties.get(ExtXyzHeader.PBC);
        properties.forEach((key, value) -> {
            if (RESERVED.stream().noneMatch(key::equalsIgnoreCase)) {
                String text = ExtXyzFormatting.value(value);
                if (text != null) {
                    out.append(' ').append(ExtXyzFormatting.key(key)).append('=').append(text);
                }
            }
        });
        String pbcText = pbc instanceof List<?> l && l.size() == 3 && l.stream().allMatch(Boolean.class::isInstance)
                ? ExtXyzFormatting.value(pbc) : periodic ? "\"T T T\"" : "\"F F F\"";
        out.append(" pbc=").append(pbcText);
    }

    private static String plainComment(Map<String, Object> properties, String formula) {
        for (String key : List.of(ExtXyzHeader.COMMENT, "title")) {
            if (properties.get(key) instanceof String s && !s.isBlank()) {
                return s.replace('\r', ' ').replace('\n', ' ');
            }
        }
        return formula;
    }
}
