package dev.orion.io.cif;

import dev.orion.io.ReadOptions;
import dev.orion.io.ReadWarning;
import dev.orion.structure.Lattice;
import dev.orion.structure.Species;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The asymmetric unit of a data block: one entry per {@code _atom_site} row, with fractional
 * coordinates ({@code _atom_site_fract_*}, else {@code _atom_site_Cartn_*} converted with a
 * warning), species (from {@code _atom_site_type_symbol}, else the label, with oxidation states
 * from {@code _atom_type_oxidation_number}), label and occupancy (default 1).
 *
 * <p>Rows whose coordinates are {@code ?} or {@code .} are skipped with one warning per block;
 * rows with occupancy 0 too. Anything else that is not a number is an error at its line and
 * column.
 */
final class CifAtomSites {

    final int count;
    final double[] x;
    final double[] y;
    final double[] z;
    final Species[] species;
    final double[] occupancy;
    final String[] label;
    /** Offset of each row's first value, for messages. */
    final int[] offset;

    private CifAtomSites(int capacity) {
        x = new double[capacity];
        y = new double[capacity];
        z = new double[capacity];
        species = new Species[capacity];
        occupancy = new double[capacity];
        label = new String[capacity];
        offset = new int[capacity];
        count = 0;
    }

    private CifAtomSites(CifAtomSites from, int count) {
        this.count = count;
        x = from.x;
        y = from.y;
        z = from.z;
        species = from.species;
        occupancy = from.occupancy;
        label = from.label;
        offset = from.offset;
    }

    /**
     * @return the sites of the block, or empty when it has no atom-site coordinates
     */
    static Optional<CifAtomSites> read(CifBlock block, Lattice lattice, CifPositions positions, ReadOptions options,
                                       List<ReadWarning> warnings) {
        boolean cartesian = false;
        Optional<CifColumn> cx = block.column("_atom_site_fract_x");
        Optional<CifColumn> cy = block.column("_atom_site_fract_y");
        Optional<CifColumn> cz = block.column("_atom_site_fract_z");
        if (cx.isEmpty() && cy.isEmpty() && cz.isEmpty()) {
            cx = block.column("_atom_site_cartn_x");
            cy = block.column("_atom_site_cartn_y");
            cz = block.column("_atom_site_cartn_z");
            cartesian = true;
        }
        if (cx.isEmpty() && cy.isEmpty() && cz.isEmpty()) {
            return Optional.empty();
        }
        String kind = cartesian ? "_atom_site_cartn_" : "_atom_site_fract_";
        CifColumn xs = require(block, positions, cx, kind + "x");
        CifColumn ys = require(block, positions, cy, kind + "y");
        CifColumn zs = require(block, positions, cz, kind + "z");
        int rows = xs.size();
        if (rows > options.maxSites()) {
            throw positions.error(xs.tagOffset(), "the atom-site loop has " + rows + " rows, more than maxSites = "
                    + options.maxSites());
        }
        Optional<CifColumn> labels = block.column("_atom_site_label");
        Optional<CifColumn> types = block.column("_atom_site_type_symbol");
        Optional<CifColumn> occupancies = block.column("_atom_site_occupancy");
        for (Optional<CifColumn> c : List.of(Optional.of(ys), Optional.of(zs), labels, types, occupancies)) {
            if (c.isPresent() && c.get().size() != rows) {
                throw positions.error(c.get().tagOffset(), c.get().tag() + " has " + c.get().size() + " values but "
                        + xs.tag() + " has " + rows + ": the atom-site columns must come from one loop");
            }
        }
        if (cartesian) {
            warnings.add(positions.warning(xs.tagOffset(), "data block '" + block.name()
                    + "' gives Cartesian atom-site coordinates only; converted to fractional with the cell"));
        }
        Map<String, Double> oxidation = oxidationNumbers(block, positions, warnings);
        CifAtomSites sites = new CifAtomSites(rows);
        int n = 0;
        int skippedUnknown = 0;
        int skippedEmpty = 0;
        int firstSkipped = -1;
        double[] frac = new double[3];
        for (int row = 0; row < rows; row++) {
            if (xs.isMissing(row) || ys.isMissing(row) || zs.isMissing(row)) {
                skippedUnknown++;
                firstSkipped = firstSkipped < 0 ? xs.offset(row) : firstSkipped;
                continue;
            }
            double vx = coordinate(xs, row, positions);
            double vy = coordinate(ys, row, positions);
            double vz = coordinate(zs, row, positions);
            if (cartesian) {
                lattice.toFractional(vx, vy, vz, frac);
                vx = frac[0];
                vy = frac[1];
                vz = frac[2];
            }
            double occ = 1.0;
            if (occupancies.isPresent() && !occupancies.get().isMissing(row)) {
                occ = occupancies.get().number(row);
                if (!(occ >= 0 && occ <= options.occupancyTolerance())) {
                    throw positions.error(occupancies.get().offset(row), "expected an occupancy in [0, "
                            + options.occupancyTolerance() + "] (occupancyTolerance), found '"
                            + CifParser.abbreviate(occupancies.get().text(row)) + "'");
                }
                if (occ == 0) {
                    skippedEmpty++;
                    continue;
                }
            }
            String siteLabel = labels.isPresent() && !labels.get().isMissing(row) ? labels.get().text(row) : "";
            sites.x[n] = vx;
            sites.y[n] = vy;
            sites.z[n] = vz;
            sites.species[n] = species(types, labels, row, oxidation, positions, xs.offset(row));
            sites.occupancy[n] = occ;
            sites.label[n] = siteLabel;
            sites.offset[n] = labels.isPresent() ? labels.get().offset(row) : xs.offset(row);
            n++;
        }
        if (skippedUnknown > 0) {
            warnings.add(positions.warning(firstSkipped, "skipped " + skippedUnknown
                    + " atom site(s) whose coordinates are unknown ('?' or '.'), the first here"));
        }
        if (skippedEmpty > 0) {
            warnings.add(positions.warning(xs.tagOffset(), "skipped " + skippedEmpty + " atom site(s) with occupancy 0"));
        }
        if (n == 0) {
            throw positions.error(xs.tagOffset(), rows == 0 ? "the atom-site loop has no rows"
                    : "none of the " + rows + " atom sites has known coordinates and a non-zero occupancy");
        }
        return Optional.of(new CifAtomSites(sites, n));
    }

    private static CifColumn require(CifBlock block, CifPositions positions, Optional<CifColumn> column, String tag) {
        return column.orElseThrow(() -> positions.error(block.offset(), "data block '" + block.name()
                + "' has atom-site coordinates but no " + tag));
    }

    private static double coordinate(CifColumn column, int row, CifPositions positions) {
        double v = column.number(row);
        if (!Double.isFinite(v)) {
            throw positions.error(column.offset(row), "expected a number for " + column.tag() + ", found '"
                    + CifParser.abbreviate(column.text(row)) + "'");
        }
        return v;
    }

    private static Species species(Optional<CifColumn> types, Optional<CifColumn> labels, int row,
                                   Map<String, Double> oxidation, CifPositions positions, int rowOffset) {
        CifColumn source = types.filter(c -> !c.isMissing(row))
                .or(() -> labels.filter(c -> !c.isMissing(row)))
                .orElseThrow(() -> positions.error(rowOffset,
                        "atom site has neither _atom_site_type_symbol nor _atom_site_label to tell its element"));
        String symbol = source.text(row);
        Species sp = CifSymbols.parse(symbol).orElseThrow(() -> positions.error(source.offset(row),
                "cannot tell the element of " + source.tag() + " '" + CifParser.abbreviate(symbol) + "'"));
        Double ox = oxidation.get(symbol.strip().toLowerCase(Locale.ROOT));
        return ox == null ? sp : Species.of(sp.element(), ox);
    }

    /** @return {@code _atom_type_symbol} (lower case) → {@code _atom_type_oxidation_number} */
    private static Map<String, Double> oxidationNumbers(CifBlock block, CifPositions positions,
                                                        List<ReadWarning> warnings) {
        Optional<CifColumn> symbols = block.column("_atom_type_symbol");
        Optional<CifColumn> numbers = block.column("_atom_type_oxidation_number");
        if (symbols.isEmpty() || numbers.isEmpty()) {
            return Map.of();
        }
        if (symbols.get().size() != numbers.get().size()) {
            throw positions.error(numbers.get().tagOffset(), "_atom_type_oxidation_number has "
                    + numbers.get().size() + " values but _atom_type_symbol has " + symbols.get().size());
        }
        Map<String, Double> map = new HashMap<>();
        List<String> ignored = new ArrayList<>();
        for (int row = 0; row < symbols.get().size(); row++) {
            if (symbols.get().isMissing(row) || numbers.get().isMissing(row)) {
                continue;
            }
            double v = numbers.get().number(row);
            if (!(Math.abs(v) <= 20)) {
                ignored.add(numbers.get().text(row));
                continue;
            }
            map.put(symbols.get().text(row).strip().toLowerCase(Locale.ROOT), v);
        }
        if (!ignored.isEmpty()) {
            warnings.add(positions.warning(numbers.get().tagOffset(), "ignored " + ignored.size()
                    + " oxidation number(s) that are not numbers in [-20, 20], such as '"
                    + CifParser.abbreviate(ignored.get(0)) + "'"));
        }
        return map;
    }
}
