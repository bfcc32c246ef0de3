package dev.orion.io.cif;

import dev.orion.io.StructureWriter;
import dev.orion.structure.Lattice;
import dev.orion.structure.Species;
import dev.orion.structure.Structure;
import dev.orion.structure.StructureFormat;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Writes a structure as a CIF 1.1 data block in space group P1: the cell, the single operator
 * {@code x, y, z}, and one {@code _atom_site} row per species of every site (a disordered site
 * gives one row per species, at the same coordinates, which {@link CifReader} merges back into
 * one site). Numbers are written in Java's shortest round-trip form, so a structure read back has
 * the same cell parameters, coordinates and occupancies to the last bit.
 *
 * <p>What CIF as written here cannot hold: site and structure properties (except the data block
 * name, taken from the {@code cif_block} property when there is one); the orientation of the cell
 * (a CIF gives lengths and angles, so the lattice read back is in the standard orientation: a
 * along x, b in the xy plane; fractional coordinates are unchanged); coordinates outside [0, 1)
 * (the reader wraps them); empty labels (the writer makes labels from the element and a number)
 * and duplicate labels (made unique with a suffix); two sites closer than the reader's merge
 * distance (they are merged when read).
 *
 * <p>Stateless and thread-safe.
 */
public final class CifWriter implements StructureWriter {

    /** Creates a writer; it holds no state. */
    public CifWriter() {
    }

    @Override
    public StructureFormat format() {
        return StructureFormat.CIF;
    }

    @Override
    public String write(Structure structure) {
        Objects.requireNonNull(structure, "structure");
        StringBuilder out = new StringBuilder(256 + 96 * structure.size());
        out.append("# Written by ORION (dev.orion.io.cif.CifWriter)\n");
        out.append("data_").append(blockName(structure)).append('\n');
        out.append("_symmetry_space_group_name_H-M   'P 1'\n");
        out.append("_symmetry_Int_Tables_number      1\n");
        Lattice l = structure.lattice();
        item(out, "_cell_length_a", l.a());
        item(out, "_cell_length_b", l.b());
        item(out, "_cell_length_c", l.c());
        item(out, "_cell_angle_alpha", l.alpha());
        item(out, "_cell_angle_beta", l.beta());
        item(out, "_cell_angle_gamma", l.gamma());
        item(out, "_cell_volume", l.volume());
        out.append("loop_\n_symmetry_equiv_pos_site_id\n_symmetry_equiv_pos_as_xyz\n1 'x, y, z'\n");
        Map<String, Double> oxidation = new LinkedHashMap<>();
        for (int i = 0; i < structure.size(); i++) {
            for (Species sp : structure.speciesAt(i).keySet()) {
                if (sp.oxidationState().isPresent()) {
                    oxidation.putIfAbsent(typeSymbol(sp), sp.oxidationState().getAsDouble());
                }
            }
        }
        if (!oxidation.isEmpty()) {
            out.append("loop_\n_atom_type_symbol\n_atom_type_oxidation_number\n");
            oxidation.forEach((symbol, ox) -> out.append(symbol).append(' ').append(number(ox)).append('\n'));
        }
        out.append("loop_\n_atom_site_label\n_atom_site_type_symbol\n_atom_site_fract_x\n_atom_site_fract_y\n"
                + "_atom_site_fract_z\n_atom_site_occupancy\n");
        Set<String> used = new HashSet<>();
        Map<String, Integer> counters = new LinkedHashMap<>();
        for (int i = 0; i < structure.size(); i++) {
            String siteLabel = structure.label(i);
            String x = number(structure.fracX(i));
            String y = number(structure.fracY(i));
            String z = number(structure.fracZ(i));
            boolean firstSpecies = true;
            for (Map.Entry<Species, Double> e : structure.speciesAt(i).entrySet()) {
                Species sp = e.getKey();
                String base = firstSpecies && !siteLabel.isEmpty() ? sanitize(siteLabel)
                        : sanitize(siteLabel.isEmpty() ? sp.symbol() : siteLabel + "_" + sp.symbol());
                String label = unique(base, siteLabel.isEmpty(), used, counters);
                out.append(quoteIfNeeded(label)).append(' ').append(typeSymbol(sp)).append(' ')
                        .append(x).append(' ').append(y).append(' ').append(z).append(' ')
                        .append(number(e.getValue())).append('\n');
                firstSpecies = false;
            }
        }
        return out.toString();
    }

    private static void item(StringBuilder out, String tag, double value) {
        out.append(tag);
        for (int i = tag.length(); i < 33; i++) {
            out.append(' ');
        }
        out.append(number(value)).append('\n');
    }

    /** @return the shortest text that parses back to the same double ({@code 1.0E-5} is valid CIF) */
    static String number(double v) {
        return Double.toString(v == 0 ? 0.0 : v);
    }

    /** @return {@code Fe}, {@code Fe3+}, {@code O2-}, {@code Fe2.5+}: symbols the reader parses back exactly */
    static String typeSymbol(Species sp) {
        if (sp.oxidationState().isEmpty()) {
            return sp.symbol();
        }
        double v = sp.oxidationState().getAsDouble();
        double magnitude = Math.abs(v);
        String digits = magnitude == Math.rint(magnitude) && magnitude < 1e6
                ? Long.toString((long) magnitude) : Double.toString(magnitude);
        return sp.symbol() + digits + (v < 0 ? "-" : "+");
    }

    /**
     * @param numbered whether the label is generated (element plus a counter) rather than the site's own
     */
    private static String unique(String base, boolean numbered, Set<String> used, Map<String, Integer> counters) {
        if (!numbered && used.add(base)) {
            return base;
        }
        int n = counters.getOrDefault(base, 0);
        String candidate;
        do {
            n++;
            candidate = numbered ? base + n : base + "_" + n;
        } while (!used.add(candidate));
        counters.put(base, n);
        return candidate;
    }

    /** Whitespace cannot be in a CIF value that is read back as written; it becomes {@code _}. */
    private static String sanitize(String label) {
        StringBuilder sb = new StringBuilder(label.length());
        for (int i = 0; i < label.length(); i++) {
            char c = label.charAt(i);
            sb.append(CifLexer.isWhitespace(c) || Character.isISOControl(c) ? '_' : c);
        }
        return sb.length() == 0 ? "X" : sb.toString();
    }

    /** Labels without whitespace are safe in single quotes: a quote inside is never followed by whitespace. */
    private static String quoteIfNeeded(String value) {
        char c = value.charAt(0);
        String lower = value.toLowerCase(java.util.Locale.ROOT);
        boolean reserved = c == '_' || c == '#' || c == '$' || c == '\'' || c == '"' || c == '[' || c == ']'
                || c == ';' || value.equals("?") || value.equals(".") || lower.startsWith("data_")
                || lower.startsWith("save_") || lower.equals("loop_") || lower.equals("global_") || lower.equals("stop_");
        return reserved ? "'" + value + "'" : value;
    }

    private static String blockName(Structure structure) {
        Object name = structure.properties().get(CifStructureBuilder.BLOCK_PROPERTY);
        String base = name instanceof String && !((String) name).isEmpty() ? (String) name
                : structure.composition().reducedFormula();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < base.length() && sb.length() < 64; i++) {
            char c = base.charAt(i);
            sb.append(c > ' ' && c < 127 ? c : '_');
        }
        return sb.length() == 0 ? "structure" : sb.toString();
    }
}
