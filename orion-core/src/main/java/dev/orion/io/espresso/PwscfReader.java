package dev.orion.io.espresso;

import dev.orion.StructureParseException;
import dev.orion.io.internal.CellLimits;
import dev.orion.io.ReadOptions;
import dev.orion.io.ReadResult;
import dev.orion.io.ReadWarning;
import dev.orion.io.internal.SourceText;
import dev.orion.io.StructureReader;
import dev.orion.structure.Element;
import dev.orion.structure.Lattice;
import dev.orion.structure.Structure;
import dev.orion.structure.StructureBuilder;
import dev.orion.structure.StructureFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the structure of a Quantum ESPRESSO pw.x input file (PWscf).
 *
 * <p>What is read: {@code &SYSTEM}'s {@code ibrav}, {@code nat}, {@code ntyp}, {@code celldm(1)}
 * (bohr) or {@code A} (Å); the cards {@code CELL_PARAMETERS {alat|bohr|angstrom}} (for
 * {@code ibrav = 0}), {@code ATOMIC_SPECIES} and {@code ATOMIC_POSITIONS
 * {crystal|angstrom|bohr|alat}}. Other namelists, variables and cards are checked for syntax and
 * otherwise skipped. Supported {@code ibrav}: 0, 1 (sc), 2 (fcc), 3 and -3 (bcc), with pw.x's vector
 * conventions; any other value is refused with a {@link StructureParseException} that lists these.
 *
 * <p>What the structure holds: each site's label is its pw.x species label ({@code Fe1}), its
 * element is read from that label as pw.x does ({@code Fe1}, {@code Fe_up} are iron); the optional
 * {@code if_pos} flags become the site property {@code "if_pos"} (three integers 0 or 1); the
 * structure property {@code "pseudopotentials"} maps each species label to its pseudopotential
 * file. Fractional coordinates are kept as written (not wrapped into the cell). Units: 1 bohr =
 * 0.529177210903 Å, the value pw.x 6.7 uses.
 *
 * <p>Tolerated with a warning: no unit after {@code CELL_PARAMETERS} or {@code ATOMIC_POSITIONS}
 * (pw.x's deprecated defaults apply), a {@code CELL_PARAMETERS} card with {@code ibrav != 0}
 * (ignored, as pw.x does).
 */
public final class PwscfReader implements StructureReader {

    /** Creates the reader; it is stateless and thread-safe. */
    public PwscfReader() {
    }

    @Override
    public StructureFormat format() {
        return StructureFormat.PWSCF;
    }

    @Override
    public ReadResult read(SourceText text, ReadOptions options) {
        List<ReadWarning> warnings = new ArrayList<>();
        Structure structure = new Parse(text, options, warnings).structure();
        return ReadResult.ofStructures(List.of(structure), warnings);
    }

    /** The state of reading one input. */
    private static final class Parse {
        private final SourceText src;
        private final ReadOptions options;
        private final List<ReadWarning> warnings;
        private final Namelists namelists;
        private final Cards cards;

        Parse(SourceText src, ReadOptions options, List<ReadWarning> warnings) {
            this.src = src;
            this.options = options;
            this.warnings = warnings;
            this.namelists = Namelists.parse(src);
            this.cards = Cards.parse(src, namelists.cardsStart());
        }

        Structure structure() {
            if (!namelists.has("SYSTEM")) {
                throw src.error(0, 0, "expected a &SYSTEM namelist (with ibrav, nat, ntyp), found none");
            }
            Namelists.Value natValue = required("nat");
            int nat = integer(natValue, "nat");
            if (nat < 1) {
                throw src.error(natValue.token(), "expected nat >= 1, found " + nat);
            }
            if (nat > options.maxSites()) {
                throw src.error(natValue.token(), "nat = " + nat + " exceeds the limit of "
                        + options.maxSites() + " sites (ReadOptions.maxSites)");
            }
            Namelists.Value ntypValue = required("ntyp");
            int ntyp = integer(ntypValue, "ntyp");
            if (ntyp < 1) {
                throw src.error(ntypValue.token(), "expected ntyp >= 1, found " + ntyp);
            }
            Map<String, Species> species = species(ntyp, ntypValue);
            Cell cell = cell();
            return positions(nat, natValue, species, cell);
        }

        private Namelists.Value required(String name) {
            return namelists.get("SYSTEM", name).orElseThrow(() -> src.error(namelists.line("SYSTEM"), 1,
                    "expected '" + name + "' in namelist &SYSTEM, found none"));
        }

        private int integer(Namelists.Value value, String what) {
            if (value.quoted()) {
                throw src.error(value.token(), "expected " + what + " as an integer, found the string '" + value.text() + "'");
            }
            return src.parseInt(value.token(), what);
        }

        private Optional<Double> number(String name) {
            Optional<Namelists.Value> value = namelists.get("SYSTEM", name);
            if (value.isEmpty()) {
                return Optional.empty();
            }
            Namelists.Value v = value.get();
            if (v.quoted()) {
                throw src.error(v.token(), "expected " + name + " as a number, found the string '" + v.text() + "'");
            }
            return Optional.of(src.parseDouble(v.token(), name));
        }

        /** One entry of ATOMIC_SPECIES. */
        private record Species(String label, Element element, String pseudopotential) {
        }

        private Map<String, Species> species(int ntyp, Namelists.Value ntypValue) {
            Cards.Card card = cards.get("ATOMIC_SPECIES").orElseThrow(() -> src.error(ntypValue.token(),
                    "expected an ATOMIC_SPECIES card with ntyp = " + ntyp + " entries, found none"));
            Map<String, Species> species = new LinkedHashMap<>();
            for (List<SourceText.Token> row : card.rows()) {
                SourceText.Token label = row.get(0);
                if (species.size() == ntyp) {
                    throw src.error(label, "ATOMIC_SPECIES has more entries than ntyp = " + ntyp
                            + " (line " + ntypValue.line() + ")");
                }
                if (row.size() != 3) {
                    throw src.error(label, "expected 'label mass pseudopotential-file' in ATOMIC_SPECIES, found "
                            + row.size() + " field(s)");
                }
                src.parseDouble(row.get(1), "the mass of species '" + label.text() + "'");
                Element element = QeConventions.elementOfLabel(label.text()).orElseThrow(() -> src.error(label,
                        "expected a species label that starts with a chemical symbol (Fe, Fe1, Fe_up), found '"
                                + label.text() + "'"));
                if (species.containsKey(label.text())) {
                    throw src.error(label, "species '" + label.text() + "' appears twice in ATOMIC_SPECIES");
                }
                species.put(label.text(), new Species(label.text(), element, row.get(2).text()));
            }
            if (species.size() != ntyp) {
                throw src.error(card.line(), 1, "ATOMIC_SPECIES has " + species.size() + " entr"
                        + (species.size() == 1 ? "y" : "ies") + " but ntyp = " + ntyp + " (line " + ntypValue.line() + ")");
            }
            return species;
        }

        /** The lattice and the length of pw.x's {@code alat} in Å (NaN when the input sets none). */
        private record Cell(Lattice lattice, double alat) {
        }

        private Cell cell() {
            Namelists.Value ibravValue = required("ibrav");
            int ibrav = integer(ibravValue, "ibrav");
            Optional<Double> celldm = number("celldm(1)");
            Optional<Double> a = number("a");
            if (celldm.isPresent() && a.isPresent()) {
                Namelists.Value v = namelists.get("SYSTEM", "a").orElseThrow();
                throw src.error(v.token(), "set either celldm(1) or A, not both (pw.x refuses both)");
            }
            double alat = celldm.map(c -> c * QeConventions.BOHR_ANGSTROM).orElse(a.orElse(Double.NaN));
            if (!Double.isNaN(alat) && !(alat > 0 && Double.isFinite(alat))) {
                Namelists.Value v = namelists.get("SYSTEM", celldm.isPresent() ? "celldm(1)" : "a").orElseThrow();
                throw src.error(v.token(), "expected a positive lattice parameter, found " + v.text());
            }
            Optional<Cards.Card> cellCard = cards.get("CELL_PARAMETERS");
            if (ibrav == 0) {
                Cards.Card card = cellCard.orElseThrow(() -> src.error(ibravValue.token(),
                        "ibrav = 0 needs a CELL_PARAMETERS card, found none"));
                return cellParameters(card, alat);
            }
            double[][] vectors = QeConventions.cubicVectors(ibrav, alat).orElseThrow(() -> src.error(ibravValue.token(),
                    "ibrav = " + ibrav + " is not supported; supported values are 0 (with CELL_PARAMETERS), "
                            + "1 (simple cubic), 2 (fcc), 3 and -3 (bcc)"));
            if (Double.isNaN(alat)) {
                throw src.error(ibravValue.token(), "ibrav = " + ibrav + " needs the lattice parameter: set celldm(1) (bohr) or A (Å)");
            }
            cellCard.ifPresent(card -> warnings.add(src.warning(card.line(),
                    "CELL_PARAMETERS is ignored because ibrav = " + ibrav + " (not 0), as pw.x does")));
            return new Cell(lattice(vectors, ibravValue.line()), alat);
        }

        private Cell cellParameters(Cards.Card card, double alat) {
            String unit = card.option();
            if (unit.isEmpty()) {
                unit = Double.isNaN(alat) ? "bohr" : "alat";
                warnings.add(src.warning(card.line(), "CELL_PARAMETERS has no unit; read as " + unit
                        + " (pw.x's deprecated default)"));
            }
            double scale;
            switch (unit) {
                case "alat" -> {
                    if (Double.isNaN(alat)) {
                        throw src.error(card.line(), card.column(),
                                "CELL_PARAMETERS alat needs celldm(1) or A in &SYSTEM, found neither");
                    }
                    scale = alat;
                }
                case "bohr" -> scale = QeConventions.BOHR_ANGSTROM;
                case "angstrom" -> scale = 1.0;
                default -> throw src.error(card.line(), card.column(),
                        "expected CELL_PARAMETERS unit alat, bohr or angstrom, found '" + unit + "'");
            }
            if (!unit.equals("alat") && !Double.isNaN(alat)) {
                warnings.add(src.warning(card.line(), "celldm(1)/A is set but CELL_PARAMETERS is in " + unit
                        + "; the lattice parameter only scales alat positions"));
            }
            if (card.rows().size() != 3) {
                throw src.error(card.line(), 1, "expected 3 lattice vectors in CELL_PARAMETERS, found " + card.rows().size());
            }
            double[][] vectors = new double[3][3];
            for (int i = 0; i < 3; i++) {
                List<SourceText.Token> row = card.rows().get(i);
                if (row.size() != 3) {
                    throw src.error(row.get(0), "expected 3 components of lattice vector " + (i + 1)
                            + " in CELL_PARAMETERS, found " + row.size());
                }
                for (int j = 0; j < 3; j++) {
                    vectors[i][j] = src.parseDouble(row.get(j), "a lattice vector component") * scale;
                }
            }
            Lattice lattice = lattice(vectors, card.line());
            double[] v1 = lattice.vector(0);
            double positionsAlat = Double.isNaN(alat) ? Math.sqrt(v1[0] * v1[0] + v1[1] * v1[1] + v1[2] * v1[2]) : alat;
            return new Cell(lattice, positionsAlat);
        }

        private Lattice lattice(double[][] vectors, int line) {
            try {
                return CellLimits.lattice(vectors);
            } catch (IllegalArgumentException e) {
                throw src.error(line, 1, "the cell is not a valid lattice: " + e.getMessage());
            }
        }

        private Structure positions(int nat, Namelists.Value natValue, Map<String, Species> species, Cell cell) {
            Cards.Card card = cards.get("ATOMIC_POSITIONS").orElseThrow(() -> src.error(natValue.token(),
                    "expected an ATOMIC_POSITIONS card with nat = " + nat + " atoms, found none"));
            String unit = card.option();
            if (unit.isEmpty()) {
                unit = "alat";
                warnings.add(src.warning(card.line(), "ATOMIC_POSITIONS has no unit; read as alat (pw.x's deprecated default)"));
            }
            if (!List.of("alat", "bohr", "angstrom", "crystal").contains(unit)) {
                throw src.error(card.line(), card.column(), "expected ATOMIC_POSITIONS unit crystal, angstrom, bohr or alat, found '"
                        + unit + "'" + (unit.equals("crystal_sg") ? " (crystal_sg needs space-group expansion, not supported)" : ""));
            }
            double scale = switch (unit) {
                case "alat" -> cell.alat();
                case "bohr" -> QeConventions.BOHR_ANGSTROM;
                default -> 1.0;
            };
            if (card.rows().size() != nat) {
                int line = card.rows().size() > nat ? card.rows().get(nat).get(0).line() : card.line();
                throw src.error(line, 1, "ATOMIC_POSITIONS has " + card.rows().size() + " atom line(s) but nat = " + nat
                        + " (line " + natValue.line() + ")");
            }
            StructureBuilder builder = Structure.builder().lattice(cell.lattice());
            double[] frac = new double[3];
            for (List<SourceText.Token> row : card.rows()) {
                SourceText.Token label = row.get(0);
                Species sp = species.get(label.text());
                if (sp == null) {
                    throw src.error(label, "expected a species label declared in ATOMIC_SPECIES " + species.keySet()
                            + ", found '" + label.text() + "'");
                }
                if (row.size() != 4 && row.size() != 7) {
                    throw src.error(label, "expected 'label x y z' optionally followed by three if_pos flags, found "
                            + row.size() + " field(s)");
                }
                double x = coordinate(row.get(1)) * scale;
                double y = coordinate(row.get(2)) * scale;
                double z = coordinate(row.get(3)) * scale;
                if (unit.equals("crystal")) {
                    frac[0] = x;
                    frac[1] = y;
                    frac[2] = z;
                } else {
                    cell.lattice().toFractional(x, y, z, frac);
                }
                if (!(Double.isFinite(frac[0]) && Double.isFinite(frac[1]) && Double.isFinite(frac[2]))) {
                    throw src.error(label, "the position of this atom is out of range");
                }
                builder.addSite(sp.element(), frac[0], frac[1], frac[2]);
                int index = builder.size() - 1;
                builder.label(index, sp.label());
                if (row.size() == 7) {
                    List<Long> flags = new ArrayList<>(3);
                    for (int k = 4; k < 7; k++) {
                        SourceText.Token t = row.get(k);
                        if (!t.text().equals("0") && !t.text().equals("1")) {
                            throw src.error(t, "expected an if_pos flag 0 or 1, found '" + t.text() + "'");
                        }
                        flags.add(t.text().equals("1") ? 1L : 0L);
                    }
                    builder.siteProperty(index, "if_pos", flags);
                }
            }
            Map<String, Object> pseudos = new LinkedHashMap<>();
            species.values().forEach(s -> pseudos.put(s.label(), s.pseudopotential()));
            builder.property("pseudopotentials", pseudos);
            return builder.build();
        }

        /** A coordinate as pw.x accepts it: a number or a simple fraction such as {@code 1/3}. */
        private double coordinate(SourceText.Token token) {
            String text = token.text();
            int slash = text.indexOf('/');
            if (slash > 0 && slash < text.length() - 1) {
                double num = SourceText.parseDoubleOrNaN(text.substring(0, slash));
                double den = SourceText.parseDoubleOrNaN(text.substring(slash + 1));
                double v = num / den;
                if (Double.isFinite(v)) {
                    return v;
                }
                throw src.error(token, "expected a coordinate (a number or a fraction such as 1/3), found '" + text + "'");
            }
            return src.parseDouble(token, "a coordinate");
        }
    }
}
