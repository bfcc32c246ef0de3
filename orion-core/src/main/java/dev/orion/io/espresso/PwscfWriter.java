package dev.orion.io.espresso;

import dev.orion.io.StructureWriter;
import dev.orion.structure.Element;
import dev.orion.structure.Site;
import dev.orion.structure.Structure;
import dev.orion.structure.StructureFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes a structure as a complete, minimal pw.x input: {@code &CONTROL calculation='scf'},
 * {@code &SYSTEM} with {@code ibrav = 0}, {@code nat}, {@code ntyp} and {@code ecutwfc}, an empty
 * {@code &ELECTRONS}, {@code ATOMIC_SPECIES}, {@code CELL_PARAMETERS angstrom},
 * {@code ATOMIC_POSITIONS crystal} and {@code K_POINTS gamma}. It is a valid structure input;
 * the engines build full calculation inputs on top of it.
 *
 * <p>Species labels: the element symbol, except that a site whose label is a key of the structure
 * property {@code "pseudopotentials"} (as {@link PwscfReader} sets it) keeps that label, so that
 * {@code Fe1}/{@code Fe2} inputs survive a round trip. Pseudopotential files come from that property
 * (by label, then by element symbol), else the placeholder {@code <Symbol>.UPF}. Masses are the
 * standard atomic masses. The site property {@code "if_pos"} (three integers 0/1) is written for
 * every atom when any site has it (1 1 1 for sites without it).
 *
 * <p>Numbers are written in Java's shortest form that reads back to the same double (an exponent
 * where Java uses one, {@code 1.0E-17}, which pw.x reads), so reading the output gives the same
 * structure exactly. Not written: oxidation states, other site and structure properties. Disordered structures cannot be written (pw.x has no
 * partial occupancy): {@link IllegalArgumentException}.
 */
public final class PwscfWriter implements StructureWriter {

    /** The plane-wave cutoff written when none is given, in Ry. */
    public static final double DEFAULT_ECUTWFC_RY = 30.0;

    private final double ecutwfc;

    /** A writer that sets {@code ecutwfc} to {@value #DEFAULT_ECUTWFC_RY} Ry. */
    public PwscfWriter() {
        this(DEFAULT_ECUTWFC_RY);
    }

    /**
     * @param ecutwfcRy the wave-function cutoff to write, in Ry
     * @throws IllegalArgumentException if it is not a positive finite number
     */
    public PwscfWriter(double ecutwfcRy) {
        if (!(ecutwfcRy > 0) || Double.isInfinite(ecutwfcRy)) {
            throw new IllegalArgumentException("ecutwfcRy must be a positive number of Ry, was " + ecutwfcRy);
        }
        this.ecutwfc = ecutwfcRy;
    }

    @Override
    public StructureFormat format() {
        return StructureFormat.PWSCF;
    }

    @Override
    public String write(Structure structure) {
        Map<String, String> pseudos = pseudopotentials(structure);
        int n = structure.size();
        String[] labels = new String[n];
        Map<String, Element> species = new LinkedHashMap<>();
        boolean ifPos = false;
        for (int i = 0; i < n; i++) {
            Site site = structure.site(i);
            if (!site.isOrdered()) {
                throw new IllegalArgumentException("site " + i + " is disordered (" + site.species()
                        + "); pw.x inputs cannot express partial occupancy");
            }
            Element element = site.specie().element();
            String label = site.label();
            boolean keep = pseudos.containsKey(label) && label.length() <= 3
                    && QeConventions.elementOfLabel(label).filter(e -> e == element).isPresent();
            labels[i] = keep ? label : element.symbol();
            species.putIfAbsent(labels[i], element);
            ifPos |= site.properties().containsKey("if_pos");
        }
        StringBuilder out = new StringBuilder(128 + 80 * n);
        out.append("&CONTROL\n  calculation = 'scf'\n/\n");
        out.append("&SYSTEM\n  ibrav = 0\n  nat = ").append(n).append("\n  ntyp = ").append(species.size())
                .append("\n  ecutwfc = ").append(number(ecutwfc)).append("\n/\n");
        out.append("&ELECTRONS\n/\n");
        out.append("ATOMIC_SPECIES\n");
        species.forEach((label, element) -> {
            String file = Optional.ofNullable(pseudos.get(label)).or(() -> Optional.ofNullable(pseudos.get(element.symbol())))
                    .orElse(element.symbol() + ".UPF");
            out.append("  ").append(label).append(' ').append(number(element.atomicMass())).append(' ').append(file).append('\n');
        });
        out.append("CELL_PARAMETERS angstrom\n");
        double[][] m = structure.lattice().matrix();
        for (double[] row : m) {
            out.append("  ").append(number(row[0])).append(' ').append(number(row[1])).append(' ')
                    .append(number(row[2])).append('\n');
        }
        out.append("ATOMIC_POSITIONS crystal\n");
        for (int i = 0; i < n; i++) {
            Site site = structure.site(i);
            out.append("  ").append(labels[i]).append(' ').append(number(site.x())).append(' ')
                    .append(number(site.y())).append(' ').append(number(site.z()));
            if (ifPos) {
                for (long flag : ifPos(site, i)) {
                    out.append(' ').append(flag);
                }
            }
            out.append('\n');
        }
        out.append("K_POINTS gamma\n");
        return out.toString();
    }

    private static Map<String, String> pseudopotentials(Structure structure) {
        Object value = structure.properties().get("pseudopotentials");
        Map<String, String> pseudos = new LinkedHashMap<>();
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                if (v instanceof String file) {
                    if (file.isEmpty() || file.chars().anyMatch(c -> Character.isWhitespace(c) || c == '!' || c == '#')) {
                        throw new IllegalArgumentException("pseudopotential file name for '" + k
                                + "' must be one word without '!' or '#', was '" + file + "'");
                    }
                    pseudos.put((String) k, file);
                }
            });
        }
        return pseudos;
    }

    private static long[] ifPos(Site site, int index) {
        Object value = site.properties().get("if_pos");
        if (value == null) {
            return new long[] {1, 1, 1};
        }
        if (value instanceof List<?> list && list.size() == 3) {
            long[] flags = new long[3];
            for (int k = 0; k < 3; k++) {
                Object f = list.get(k);
                if (f instanceof Number num && (num.doubleValue() == 0 || num.doubleValue() == 1)) {
                    flags[k] = num.longValue();
                } else if (f instanceof Boolean b) {
                    flags[k] = b ? 1 : 0;
                } else {
                    throw new IllegalArgumentException("site " + index + " property if_pos must hold three flags 0 or 1, was " + value);
                }
            }
            return flags;
        }
        throw new IllegalArgumentException("site " + index + " property if_pos must hold three flags 0 or 1, was " + value);
    }

    /**
     * Java's shortest representation that reads back to the same double ({@code 0.25},
     * {@code 1.0E-17}): pw.x 6.7 reads the exponent form in every card (checked on the real program).
     */
    static String number(double v) {
        return Double.toString(v);
    }
}
