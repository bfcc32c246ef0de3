package dev.orion.io.vasp;

import dev.orion.StructureParseException;
import dev.orion.io.ReadOptions;
import dev.orion.io.ReadResult;
import dev.orion.io.ReadWarning;
import dev.orion.io.internal.SourceText;
import dev.orion.io.internal.SourceText.Token;
import dev.orion.structure.Element;
import dev.orion.structure.Lattice;
import dev.orion.structure.Species;
import dev.orion.structure.Structure;
import dev.orion.structure.StructureBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One parse of one POSCAR text; holds the cursor, so a new one is made for every read. The layout
 * decisions (which line is which) follow VASP's own reading of the file.
 */
final class PoscarParser {

    private final SourceText src;
    private final ReadOptions options;
    private final List<ReadWarning> warnings = new ArrayList<>();
    private final int lineCount;

    PoscarParser(SourceText src, ReadOptions options) {
        this.src = src;
        this.options = options;
        this.lineCount = src.lineCount();
    }

    ReadResult parse() {
        if (src.text().isBlank()) {
            throw src.error(1, 1, "expected a POSCAR (title line, scale factor, lattice vectors, counts), "
                    + "found an empty input");
        }
        String title = src.line(1).strip();
        PoscarScale scale = PoscarScale.parse(src, tokensOf(2, "the scale factor (one number, or three)"));
        double[][] raw = new double[3][];
        for (int i = 0; i < 3; i++) {
            raw[i] = numbers(3 + i, 3, "lattice vector " + "abc".charAt(i) + " (three numbers)");
        }
        PoscarScale.Scaled scaled = scale.apply(src, raw, 3);

        int line = 6;
        List<Token> first = tokensOf(line, "the species line or the atom counts line");
        List<Token> speciesTokens = null;
        if (!Double.isFinite(SourceText.parseDoubleOrNaN(first.get(0).text()))) {
            speciesTokens = uncommented(first);
            line++;
            tokensOf(line, "the atom counts line after the species line");
        }
        PoscarCounts counts = PoscarCounts.parse(src, uncommented(src.tokens(line)), speciesTokens, line,
                options.maxSites());
        line++;

        String modeLine = lineOrEnd(line, "the 'Direct' or 'Cartesian' line");
        boolean selective = startsWithAny(modeLine, "Ss");
        if (selective) {
            line++;
            modeLine = lineOrEnd(line, "the 'Direct' or 'Cartesian' line after 'Selective dynamics'");
        }
        boolean cartesian = startsWithAny(modeLine, "CcKk");
        int modeLineNumber = line;
        line++;

        PoscarSites sites = PoscarSites.parse(src, line, counts, selective, modeLineNumber);
        line += counts.total();
        warnAboutTrailingLines(line, counts.total());

        Element[] elements = speciesTokens != null ? counts.elements()
                : new PoscarSpeciesGuess(src, title, counts, sites, warnings).elements();
        Structure structure = build(scaled, cartesian, counts, elements, sites, title, selective);
        return ReadResult.ofStructures(List.of(structure), warnings);
    }

    private Structure build(PoscarScale.Scaled scaled, boolean cartesian, PoscarCounts counts,
                            Element[] elements, PoscarSites sites, String title, boolean selective) {
        Lattice lattice = scaled.lattice();
        StructureBuilder builder = Structure.builder().lattice(lattice);
        int i = 0;
        double[] frac = new double[3];
        for (int g = 0; g < counts.groups(); g++) {
            Species species = Species.of(elements[g]);
            for (int k = 0; k < counts.count(g); k++, i++) {
                double[] xyz = sites.coordinates(i);
                if (cartesian) {
                    double[] cart = scaled.scaleCartesian(xyz);
                    lattice.toFractional(cart[0], cart[1], cart[2], frac);
                } else {
                    frac[0] = xyz[0];
                    frac[1] = xyz[1];
                    frac[2] = xyz[2];
                }
                if (!Double.isFinite(frac[0]) || !Double.isFinite(frac[1]) || !Double.isFinite(frac[2])) {
                    throw src.error(sites.line(i), 1, "the coordinates of atom " + (i + 1)
                            + " are too large: their fractional coordinates are not finite numbers");
                }
                builder.addSite(species, frac[0], frac[1], frac[2]);
                String label = sites.label(i);
                if (!label.isEmpty()) {
                    builder.label(i, label);
                }
                if (selective) {
                    builder.siteProperty(i, PoscarWriter.SELECTIVE_DYNAMICS, sites.flags(i));
                }
            }
        }
        return builder.property(PoscarWriter.TITLE, title).build();
    }

    private void warnAboutTrailingLines(int from, int atoms) {
        int nonBlank = 0;
        for (int l = from; l <= lineCount; l++) {
            if (!src.line(l).isBlank()) {
                nonBlank++;
            }
        }
        if (nonBlank > 0) {
            warnings.add(src.warning(from, String.format(Locale.ROOT,
                    "ignored %d non-blank line(s) after the %d coordinate lines (lines %d-%d): velocities, "
                            + "lattice velocities or predictor-corrector data are not read", nonBlank, atoms,
                    from, lineCount)));
        }
    }

    /** The tokens of a line that must exist and must not be blank. */
    private List<Token> tokensOf(int line, String what) {
        lineOrEnd(line, what);
        List<Token> tokens = src.tokens(line);
        if (tokens.isEmpty()) {
            throw src.error(line, 1, "expected " + what + ", found an empty line");
        }
        return tokens;
    }

    private String lineOrEnd(int line, String what) {
        if (line > lineCount) {
            throw endOfInput(src, line, what);
        }
        return src.line(line);
    }

    private double[] numbers(int line, int n, String what) {
        List<Token> tokens = tokensOf(line, what);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            if (i >= tokens.size()) {
                throw src.error(line, src.line(line).length() + 1, "expected " + what + ", found only "
                        + tokens.size() + " number(s)");
            }
            v[i] = src.parseDouble(tokens.get(i), what);
        }
        return v;
    }

    static StructureParseException endOfInput(SourceText src, int line, String what) {
        return src.error(line, 0, "unexpected end of input: expected " + what + " on line " + line
                + ", but the input has only " + src.lineCount() + " line(s)");
    }

    /** The tokens before a {@code #} or {@code !} comment. */
    static List<Token> uncommented(List<Token> tokens) {
        for (int i = 0; i < tokens.size(); i++) {
            String t = tokens.get(i).text();
            if (t.startsWith("#") || t.startsWith("!")) {
                return tokens.subList(0, i);
            }
        }
        return tokens;
    }

    static boolean isInteger(String s) {
        int start = s.startsWith("+") ? 1 : 0;
        if (s.length() == start || s.length() - start > 12) {
            return false;
        }
        for (int i = start; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWithAny(String line, String chars) {
        String s = line.stripLeading();
        return !s.isEmpty() && chars.indexOf(s.charAt(0)) >= 0;
    }
}
