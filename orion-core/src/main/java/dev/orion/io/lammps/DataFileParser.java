package dev.orion.io.lammps;

import dev.orion.io.ReadOptions;
import dev.orion.io.ReadWarning;
import dev.orion.io.internal.SourceText;
import dev.orion.io.internal.SourceText.Token;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the header and the sections of one LAMMPS data file into plain values; {@link DataFile}
 * turns them into a structure. Linear in the input: every line is tokenised once, and nothing is
 * allocated from a count before the lines it announces are there.
 */
final class DataFileParser {

    /** Every section keyword of the data-file format; sections not needed for the structure are skipped. */
    static final Set<String> SECTIONS = Set.of("Atoms", "Velocities", "Masses", "Ellipsoids", "Lines", "Triangles",
            "Bodies", "Bonds", "Angles", "Dihedrals", "Impropers", "Pair Coeffs", "PairIJ Coeffs", "Bond Coeffs",
            "Angle Coeffs", "Dihedral Coeffs", "Improper Coeffs", "BondBond Coeffs", "BondAngle Coeffs",
            "MiddleBondTorsion Coeffs", "EndBondTorsion Coeffs", "AngleTorsion Coeffs", "AngleAngleTorsion Coeffs",
            "BondBond13 Coeffs", "AngleAngle Coeffs");

    private static final Set<String> IGNORED_COUNTS = Set.of("bonds", "angles", "dihedrals", "impropers",
            "bond types", "angle types", "dihedral types", "improper types", "ellipsoids", "lines", "triangles",
            "bodies", "extra bond per atom", "extra angle per atom", "extra dihedral per atom",
            "extra improper per atom", "extra special per atom");

    private final SourceText src;
    private final ReadOptions options;
    private final List<ReadWarning> warnings;
    private final Map<String, Integer> headerLines = new HashMap<>();
    private final Map<String, Integer> sectionLines = new HashMap<>();

    long atomCount = -1;
    int atomCountLine;
    long typeCount = -1;
    final double[] lo = {-0.5, -0.5, -0.5};
    final double[] hi = {0.5, 0.5, 0.5};
    final double[] tilt = {0, 0, 0};
    final boolean[] boundsGiven = new boolean[3];
    int boxLine;
    /** Masses by type, in file order. */
    final Map<Long, MassRow> masses = new HashMap<>();
    final List<AtomRow> atoms = new ArrayList<>();
    AtomStyle style;
    int atomsLine;
    final List<VelocityRow> velocities = new ArrayList<>();

    /** One line of the Masses section. */
    record MassRow(double mass, String comment, int line) {
    }

    /** One line of the Atoms section. */
    record AtomRow(long id, long type, double charge, double x, double y, double z, int line) {
    }

    /** One line of the Velocities section. */
    record VelocityRow(long id, double vx, double vy, double vz, int line) {
    }

    /** A line's tokens before any {@code #}, and the text after it. */
    private record Row(List<Token> tokens, String comment) {
    }

    DataFileParser(SourceText src, ReadOptions options, List<ReadWarning> warnings) {
        this.src = src;
        this.options = options;
        this.warnings = warnings;
    }

    void parse() {
        int n = src.lineCount();
        if (n == 0) {
            throw src.error(1, 1, "expected a title line and a LAMMPS data header, found an empty input");
        }
        int lineNo = 2;
        // line 1 is the title, free text
        for (; lineNo <= n; lineNo++) {
            Row row = row(lineNo);
            if (row.tokens().isEmpty()) {
                continue;
            }
            if (isSection(row.tokens())) {
                break;
            }
            header(row.tokens());
        }
        if (atomCount < 0) {
            throw src.error(Math.min(lineNo, n), 1, "expected a header line 'N atoms' before the first section, found none");
        }
        while (lineNo <= n) {
            Row row = row(lineNo);
            if (row.tokens().isEmpty()) {
                lineNo++;
                continue;
            }
            if (!isSection(row.tokens())) {
                throw src.error(row.tokens().get(0), "expected a section keyword (Atoms, Masses, Velocities, Bonds, ...), found '"
                        + String.join(" ", texts(row.tokens())) + "'");
            }
            lineNo = section(row, lineNo);
        }
    }

    private void header(List<Token> tokens) {
        int numbers = 0;
        while (numbers < tokens.size() && Double.isFinite(SourceText.parseDoubleOrNaN(tokens.get(numbers).text()))) {
            numbers++;
        }
        Token first = tokens.get(0);
        String keyword = String.join(" ", texts(tokens.subList(numbers, tokens.size())));
        Integer previous = headerLines.putIfAbsent(keyword, first.line());
        if (previous != null && !keyword.isEmpty()) {
            throw src.error(first, "header line '" + keyword + "' appears twice (first at line " + previous + ")");
        }
        switch (keyword) {
            case "atoms" -> {
                atomCount = count(tokens, numbers, 1, "the number of atoms");
                atomCountLine = first.line();
                if (atomCount < 1) {
                    throw src.error(first, "expected at least 1 atom, found " + atomCount);
                }
                if (atomCount > options.maxSites()) {
                    throw src.error(first, atomCount + " atoms exceed the limit of " + options.maxSites()
                            + " sites (ReadOptions.maxSites)");
                }
            }
            case "atom types" -> {
                typeCount = count(tokens, numbers, 1, "the number of atom types");
                if (typeCount < 1) {
                    throw src.error(first, "expected at least 1 atom type, found " + typeCount);
                }
            }
            case "xlo xhi" -> bounds(tokens, numbers, 0, "xlo xhi");
            case "ylo yhi" -> bounds(tokens, numbers, 1, "ylo yhi");
            case "zlo zhi" -> bounds(tokens, numbers, 2, "zlo zhi");
            case "xy xz yz" -> {
                requireNumbers(tokens, numbers, 3, keyword);
                for (int k = 0; k < 3; k++) {
                    tilt[k] = src.parseDouble(tokens.get(k), "a tilt factor");
                }
                boxLine = Math.max(boxLine, first.line());
            }
            default -> {
                if (IGNORED_COUNTS.contains(keyword)) {
                    count(tokens, numbers, 1, "the number of " + keyword);
                } else {
                    throw src.error(first, "expected a header line such as 'N atoms', 'N atom types', 'xlo xhi' or "
                            + "'xy xz yz', or a section keyword, found '" + String.join(" ", texts(tokens)) + "'");
                }
            }
        }
    }

    private void bounds(List<Token> tokens, int numbers, int axis, String keyword) {
        requireNumbers(tokens, numbers, 2, keyword);
        lo[axis] = src.parseDouble(tokens.get(0), "the lower bound of " + keyword);
        hi[axis] = src.parseDouble(tokens.get(1), "the upper bound of " + keyword);
        if (!(hi[axis] > lo[axis]) || !Double.isFinite(hi[axis] - lo[axis])) {
            throw src.error(tokens.get(1), "expected the upper bound of " + keyword + " to exceed the lower bound "
                    + tokens.get(0).text() + ", found " + tokens.get(1).text());
        }
        boxLine = Math.max(boxLine, tokens.get(0).line());
        boundsGiven[axis] = true;
    }

    private void requireNumbers(List<Token> tokens, int numbers, int expected, String keyword) {
        if (numbers != expected) {
            throw src.error(tokens.get(0), "expected " + expected + " number(s) before '" + keyword + "', found " + numbers);
        }
    }

    private long count(List<Token> tokens, int numbers, int expected, String what) {
        requireNumbers(tokens, numbers, expected, String.join(" ", texts(tokens.subList(numbers, tokens.size()))));
        return nonNegative(tokens.get(0), what);
    }

    private long nonNegative(Token token, String what) {
        String t = token.text();
        if (t.isEmpty() || t.length() > 18 || !t.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw src.error(token, "expected " + what + " (a non-negative integer), found '" + t + "'");
        }
        return Long.parseLong(t);
    }

    /** Reads one section. @return the line of the next section (or past the end) */
    private int section(Row header, int lineNo) {
        String name = String.join(" ", texts(header.tokens()));
        Integer previous = sectionLines.putIfAbsent(name, lineNo);
        if (previous != null) {
            throw src.error(header.tokens().get(0), "section " + name + " appears twice (first at line " + previous + ")");
        }
        if (name.equals("Atoms")) {
            startAtoms(header, lineNo);
        }
        int line = lineNo + 1;
        for (; line <= src.lineCount(); line++) {
            Row row = row(line);
            List<Token> tokens = row.tokens();
            if (tokens.isEmpty()) {
                continue;
            }
            if (isSection(tokens)) {
                break;
            }
            if (Character.isLetter(tokens.get(0).text().charAt(0))) {
                throw src.error(tokens.get(0), "expected a section keyword (Atoms, Masses, Velocities, Bonds, ...) or a line of "
                        + name + " starting with a number, found '" + String.join(" ", texts(tokens)) + "'");
            }
            switch (name) {
                case "Masses" -> mass(row);
                case "Atoms" -> atom(tokens);
                case "Velocities" -> velocity(tokens);
                default -> {
                    // a section ORION does not need (bonds, coefficients ...): skipped
                }
            }
        }
        return line;
    }

    private void startAtoms(Row header, int lineNo) {
        if (typeCount < 0) {
            throw src.error(lineNo, 1, "expected a header line 'N atom types' before the Atoms section, found none");
        }
        atomsLine = lineNo;
        String hint = firstWord(header.comment());
        if (!hint.isEmpty()) {
            style = AtomStyle.ofHint(hint).orElseThrow(() -> src.error(lineNo, header.tokens().get(0).column(),
                    "atom style '" + hint + "' is not supported; supported styles: " + AtomStyle.supportedHints()));
        }
    }

    private void mass(Row row) {
        List<Token> tokens = row.tokens();
        if (tokens.size() != 2) {
            throw src.error(tokens.get(0), "expected 'type mass' in the Masses section, found " + tokens.size() + " field(s)");
        }
        long type = type(tokens.get(0));
        double mass = src.parseDouble(tokens.get(1), "the mass of atom type " + type);
        if (!(mass > 0)) {
            throw src.error(tokens.get(1), "expected a positive mass, found " + tokens.get(1).text());
        }
        MassRow previous = masses.putIfAbsent(type, new MassRow(mass, row.comment(), tokens.get(0).line()));
        if (previous != null) {
            throw src.error(tokens.get(0), "atom type " + type + " has a second mass (first at line " + previous.line() + ")");
        }
    }

    private void atom(List<Token> tokens) {
        Token first = tokens.get(0);
        if (style == null) {
            style = AtomStyle.guess(tokens.size()).orElseThrow(() -> src.error(first, "the Atoms section has no style hint "
                    + "('Atoms # atomic') and " + tokens.size() + " columns fit neither atomic (5 or 8) nor charge (6 or 9)"));
            warnings.add(src.warning(first.line(), "no atom style hint after 'Atoms'; read as " + style.hint() + " from "
                    + tokens.size() + " columns"));
        }
        int base = style.columns();
        if (tokens.size() != base && tokens.size() != base + 3) {
            throw src.error(first, "expected " + base + " columns (or " + (base + 3) + " with image flags) for atom style "
                    + style.hint() + ", found " + tokens.size());
        }
        if (atoms.size() == atomCount) {
            throw src.error(first, "the Atoms section has more lines than the " + atomCount + " atoms of the header (line "
                    + atomCountLine + ")");
        }
        long id = positive(first, "an atom id");
        if (style.moleculeColumn >= 0) {
            integer(tokens.get(style.moleculeColumn), "a molecule id");
        }
        long type = type(tokens.get(style.typeColumn));
        double q = style.chargeColumn >= 0 ? src.parseDouble(tokens.get(style.chargeColumn), "a charge") : Double.NaN;
        double x = src.parseDouble(tokens.get(style.xColumn), "the x coordinate");
        double y = src.parseDouble(tokens.get(style.xColumn + 1), "the y coordinate");
        double z = src.parseDouble(tokens.get(style.xColumn + 2), "the z coordinate");
        for (int k = base; k < tokens.size(); k++) {
            integer(tokens.get(k), "an image flag");
        }
        atoms.add(new AtomRow(id, type, q, x, y, z, first.line()));
    }

    private void velocity(List<Token> tokens) {
        Token first = tokens.get(0);
        if (tokens.size() != 4) {
            throw src.error(first, "expected 'id vx vy vz' in the Velocities section, found " + tokens.size() + " field(s)");
        }
        if (velocities.size() == atomCount) {
            throw src.error(first, "the Velocities section has more lines than the " + atomCount + " atoms of the header");
        }
        long id = positive(first, "an atom id");
        velocities.add(new VelocityRow(id, src.parseDouble(tokens.get(1), "vx"), src.parseDouble(tokens.get(2), "vy"),
                src.parseDouble(tokens.get(3), "vz"), first.line()));
    }

    private long type(Token token) {
        if (typeCount < 0) {
            throw src.error(token, "expected a header line 'N atom types' before this section, found none");
        }
        long type = positive(token, "an atom type");
        if (type > typeCount) {
            throw src.error(token, "expected an atom type from 1 to " + typeCount + ", found " + type);
        }
        return type;
    }

    private long positive(Token token, String what) {
        long v = nonNegative(token, what);
        if (v == 0) {
            throw src.error(token, "expected " + what + " (a positive integer), found 0");
        }
        return v;
    }

    private void integer(Token token, String what) {
        String t = token.text();
        String digits = t.startsWith("-") || t.startsWith("+") ? t.substring(1) : t;
        if (digits.isEmpty() || digits.length() > 18 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw src.error(token, "expected " + what + " (an integer), found '" + t + "'");
        }
    }

    private static boolean isSection(List<Token> tokens) {
        String first = tokens.get(0).text();
        if (first.isEmpty() || !Character.isLetter(first.charAt(0)) || tokens.size() > 2) {
            return false;
        }
        return SECTIONS.contains(tokens.size() == 1 ? first : first + " " + tokens.get(1).text());
    }

    private Row row(int lineNo) {
        List<Token> tokens = src.tokens(lineNo);
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            int hash = t.text().indexOf('#');
            if (hash >= 0) {
                List<Token> kept = new ArrayList<>(tokens.subList(0, i));
                if (hash > 0) {
                    kept.add(new Token(t.text().substring(0, hash), t.line(), t.column()));
                }
                String line = src.line(lineNo);
                return new Row(kept, line.substring(t.column() - 1 + hash + 1).strip());
            }
        }
        return new Row(tokens, "");
    }

    private static String firstWord(String comment) {
        int end = 0;
        while (end < comment.length() && !Character.isWhitespace(comment.charAt(end))) {
            end++;
        }
        return comment.substring(0, end);
    }

    private static List<String> texts(List<Token> tokens) {
        List<String> texts = new ArrayList<>(tokens.size());
        for (Token t : tokens) {
            texts.add(t.text());
        }
        return texts;
    }
}
