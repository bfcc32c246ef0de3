package dev.orion.analysis.symmetry;

import dev.orion.symmetry.SymmetryDataset;
import dev.orion.symmetry.SymmetryException;

import dev.orion.structure.Species;
import dev.orion.structure.Structure;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Symmetry analysis of a crystal structure, in pure Java, giving the answers spglib gives.
 *
 * <pre>{@code
 * SymmetryDataset d = Symmetry.of(structure);              // symprec 1e-5 Å, spglib's default angles
 * d.spaceGroupSymbol();                                     // "P6_3/mmc"
 * Symmetry.of(structure, 1e-3).spaceGroupNumber();          // 194
 * Structure conv = Symmetry.of(structure, 0.01, 5).conventional();
 * }</pre>
 *
 * <p>The method is spglib's (Togo and Tanaka): the pure translations that map the atoms onto
 * atoms of the same type give the primitive cell; its Delaunay-reduced basis gives the rotations
 * that keep the metric; each rotation with a translation that maps the atoms onto themselves is
 * an operation; the point group follows from the kinds of rotations, the conventional basis from
 * their axes, and the space-group type from matching the operations, after a change of basis and
 * of origin, to the default Hall setting of each type of that point group. When no type matches
 * (the tolerance is inconsistent with every group), the tolerance is reduced by 5% and the search
 * repeated, up to 20 times, as spglib does.
 *
 * <p>Sites take part by their species-and-occupancy signature: two sites may be exchanged by an
 * operation only when they hold the same species with the same occupancies (and oxidation states).
 * Thread-safe; each call is independent.
 */
public final class Symmetry {

    /** spglib's default distance tolerance, Å. */
    public static final double DEFAULT_SYMPREC = 1e-5;
    /** Selects spglib's default angle criterion (a bound on the displacement an angle change causes). */
    public static final double DEFAULT_ANGLE_TOLERANCE = -1;

    private static final Logger LOG = LoggerFactory.getLogger(Symmetry.class);
    private static final int ATTEMPTS = 20;
    private static final double REDUCE_RATE = 0.95;

    private Symmetry() {
    }

    /**
     * Analyses a structure with spglib's defaults (symprec 1e-5 Å, default angle criterion).
     *
     * @param structure a periodic structure with at least one site
     * @return the dataset
     * @throws SymmetryException if no space group is consistent with the atoms
     */
    public static SymmetryDataset of(Structure structure) {
        return of(structure, DEFAULT_SYMPREC, DEFAULT_ANGLE_TOLERANCE);
    }

    /**
     * Analyses a structure with a distance tolerance and spglib's default angle criterion.
     *
     * @param structure a periodic structure with at least one site
     * @param symprec   the distance tolerance, Å, positive
     * @return the dataset
     * @throws SymmetryException if no space group is consistent with the atoms
     */
    public static SymmetryDataset of(Structure structure, double symprec) {
        return of(structure, symprec, DEFAULT_ANGLE_TOLERANCE);
    }

    /**
     * Analyses a structure.
     *
     * @param structure      a periodic structure with at least one site
     * @param symprec        the distance tolerance, Å, positive
     * @param angleTolerance the angle tolerance of the lattice metric, degrees; a negative value
     *                       selects spglib's default criterion (as spglib's {@code -1})
     * @return the dataset
     * @throws SymmetryException if no space group is consistent with the atoms (overlapping atoms,
     *                           a degenerate cell)
     */
    public static SymmetryDataset of(Structure structure, double symprec, double angleTolerance) {
        Objects.requireNonNull(structure, "structure");
        if (!(symprec > 0) || !Double.isFinite(symprec)) {
            throw new IllegalArgumentException("symprec must be positive and finite, was " + symprec);
        }
        if (!Double.isFinite(angleTolerance) || angleTolerance == 0) {
            throw new IllegalArgumentException("angleTolerance must be finite and non-zero (negative for the default), was "
                    + angleTolerance);
        }
        if (structure.size() == 0) {
            throw new IllegalArgumentException("structure must have at least one site");
        }
        Map<Integer, Map<Species, Double>> speciesOfType = new HashMap<>();
        Cell cell = toCell(structure, speciesOfType);
        checkOverlaps(cell, symprec);
        double tol = symprec;
        double angle = angleTolerance;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            SymmetryDataset d = attempt(cell, tol, angle, symprec, angleTolerance, speciesOfType);
            if (d != null) {
                return d;
            }
            LOG.debug("no space group at symprec {}; reducing the tolerance", tol);
            tol *= REDUCE_RATE;
            if (angle > 0) {
                angle *= REDUCE_RATE;
            }
        }
        throw new SymmetryException("space-group search failed at symprec " + symprec + " Å (reduced "
                + ATTEMPTS + " times down to " + tol + " Å): the cell is degenerate or the atoms fit no group");
    }

    private static SymmetryDataset attempt(Cell cell, double tol, double angle, double symprec, double angleTolerance,
            Map<Integer, Map<Species, Double>> speciesOfType) {
        PrimitiveSearch.Result prim = PrimitiveSearch.find(cell, tol);
        if (prim == null) {
            return null;
        }
        List<Op> ops = OperationSearch.operations(prim.cell, tol, angle);
        PointGroupClass pg = PointGroupClass.of(ops);
        if (pg == null) {
            return null;
        }
        StandardSetting.Match match = StandardSetting.find(prim.cell, ops, pg, tol, prim.basis);
        if (match == null) {
            return null;
        }
        Standardizer st = new Standardizer(cell, prim, ops, match, tol);
        int[] eq = st.equivalentAtoms();
        List<Integer> equivalent = new ArrayList<>(eq.length);
        for (int e : eq) {
            equivalent.add(e);
        }
        List<String> letters = new ArrayList<>(eq.length);
        List<String> siteSymmetry = new ArrayList<>(eq.length);
        for (WyckoffTable.Position w : st.wyckoffPositions()) {
            letters.add(w.letter);
            siteSymmetry.add(w.siteSymmetry);
        }
        return new SymmetryDataset(match.setting.type, symprec, angleTolerance, st.inputOperations(), equivalent,
                letters, siteSymmetry, st.transformation(), st.conventional(speciesOfType), st.primitive(speciesOfType));
    }

    private static Cell toCell(Structure s, Map<Integer, Map<Species, Double>> speciesOfType) {
        Map<Map<Species, Long>, Integer> ids = new LinkedHashMap<>();
        int n = s.size();
        int[] types = new int[n];
        for (int i = 0; i < n; i++) {
            Map<Species, Double> species = s.speciesAt(i);
            Map<Species, Long> key = new TreeMap<>();
            species.forEach((sp, occ) -> key.put(sp, Math.round(occ * 1e6)));
            Integer id = ids.get(key);
            if (id == null) {
                id = ids.size();
                ids.put(key, id);
                speciesOfType.put(id, species);
            }
            types[i] = id;
        }
        double[] positions = s.fracCoords();
        for (int i = 0; i < positions.length; i++) {
            positions[i] = Cell.wrap(positions[i]);
        }
        return new Cell(LatticeReduction.rows(s.lattice()), positions, types);
    }

    private static void checkOverlaps(Cell cell, double symprec) {
        double tol2 = symprec * symprec;
        double[] p = cell.positions;
        for (int i = 0; i < cell.size(); i++) {
            for (int j = i + 1; j < cell.size(); j++) {
                if (cell.distanceSquared(p[3 * i] - p[3 * j], p[3 * i + 1] - p[3 * j + 1], p[3 * i + 2] - p[3 * j + 2]) < tol2) {
                    throw new SymmetryException("sites " + i + " and " + j + " are closer than symprec " + symprec
                            + " Å; remove duplicate sites or merge them into one disordered site");
                }
            }
        }
    }
}
