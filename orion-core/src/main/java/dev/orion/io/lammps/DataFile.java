package dev.orion.io.lammps;

import dev.orion.io.internal.CellLimits;
import dev.orion.io.ReadWarning;
import dev.orion.io.internal.SourceText;
import dev.orion.io.lammps.DataFileParser.AtomRow;
import dev.orion.io.lammps.DataFileParser.MassRow;
import dev.orion.io.lammps.DataFileParser.VelocityRow;
import dev.orion.structure.Element;
import dev.orion.structure.Lattice;
import dev.orion.structure.Structure;
import dev.orion.structure.StructureBuilder;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Turns what {@link DataFileParser} read into a structure: elements of the types, cell, wrapped positions. */
final class DataFile {

    /** Above this difference (u) between a type's mass and its commented element's, a warning is given. */
    private static final double MASS_MISMATCH_WARNING = 1.0;

    private final SourceText src;
    private final DataFileParser file;
    private final Map<Integer, Element> explicit;
    private final List<ReadWarning> warnings;
    private final Map<Long, Element> elements = new HashMap<>();

    DataFile(SourceText src, DataFileParser file, Map<Integer, Element> explicit, List<ReadWarning> warnings) {
        this.src = src;
        this.file = file;
        this.explicit = explicit;
        this.warnings = warnings;
    }

    Structure structure() {
        List<AtomRow> atoms = file.atoms;
        if (file.atomsLine == 0) {
            throw src.error(file.atomCountLine, 1, "expected an Atoms section with the " + file.atomCount + " atoms of the header, found none");
        }
        if (atoms.size() != file.atomCount) {
            throw src.error(file.atomsLine, 1, "the Atoms section has " + atoms.size() + " line(s) but the header (line "
                    + file.atomCountLine + ") says " + file.atomCount + " atoms");
        }
        String[] axes = {"xlo xhi", "ylo yhi", "zlo zhi"};
        for (int k = 0; k < 3; k++) {
            if (!file.boundsGiven[k]) {
                warnings.add(src.warning(0, "no '" + axes[k] + "' header line; LAMMPS's default -0.5 0.5 applies"));
            }
        }
        AtomRow[] sorted = atoms.toArray(new AtomRow[0]);
        Arrays.sort(sorted, Comparator.comparingLong(AtomRow::id));
        for (int i = 1; i < sorted.length; i++) {
            if (sorted[i].id() == sorted[i - 1].id()) {
                AtomRow later = sorted[i].line() > sorted[i - 1].line() ? sorted[i] : sorted[i - 1];
                AtomRow earlier = later == sorted[i] ? sorted[i - 1] : sorted[i];
                throw src.error(later.line(), 1, "atom id " + later.id() + " appears twice (first at line " + earlier.line() + ")");
            }
        }
        double[][] velocities = velocities(sorted);
        double lx = file.hi[0] - file.lo[0];
        double ly = file.hi[1] - file.lo[1];
        double lz = file.hi[2] - file.lo[2];
        double xy = file.tilt[0];
        double xz = file.tilt[1];
        double yz = file.tilt[2];
        Lattice lattice;
        try {
            lattice = CellLimits.lattice(new double[][] {{lx, 0, 0}, {xy, ly, 0}, {xz, yz, lz}});
        } catch (IllegalArgumentException e) {
            throw src.error(file.boxLine, 1, "the box is not a valid cell: " + e.getMessage());
        }
        StructureBuilder builder = Structure.builder().lattice(lattice);
        for (int i = 0; i < sorted.length; i++) {
            AtomRow a = sorted[i];
            Element element = element(a.type(), a.line());
            double dx = a.x() - file.lo[0];
            double dy = a.y() - file.lo[1];
            double dz = a.z() - file.lo[2];
            double fz = dz / lz;
            double fy = (dy - yz * fz) / ly;
            double fx = (dx - xy * fy - xz * fz) / lx;
            if (!(Double.isFinite(fx) && Double.isFinite(fy) && Double.isFinite(fz))) {
                throw src.error(a.line(), 1, "the position of atom " + a.id() + " is out of range");
            }
            builder.addSite(element, wrap(fx), wrap(fy), wrap(fz));
            builder.siteProperty(i, "id", a.id());
            if (!Double.isNaN(a.charge())) {
                builder.siteProperty(i, "charge", a.charge());
            }
            if (velocities[i] != null) {
                builder.siteProperty(i, "velocity", List.of(velocities[i][0], velocities[i][1], velocities[i][2]));
            }
        }
        return builder.build();
    }

    /** Velocities by the index of their atom in {@code sorted}; null where the file gives none. */
    private double[][] velocities(AtomRow[] sorted) {
        double[][] byIndex = new double[sorted.length][];
        int[] lines = new int[sorted.length];
        for (VelocityRow v : file.velocities) {
            int index = indexOf(sorted, v.id());
            if (index < 0) {
                throw src.error(v.line(), 1, "velocity of atom id " + v.id() + ", which is not in the Atoms section");
            }
            if (byIndex[index] != null) {
                throw src.error(v.line(), 1, "atom id " + v.id() + " has a second velocity (first at line " + lines[index] + ")");
            }
            byIndex[index] = new double[] {v.vx(), v.vy(), v.vz()};
            lines[index] = v.line();
        }
        if (!file.velocities.isEmpty() && file.velocities.size() < sorted.length) {
            warnings.add(src.warning(file.velocities.get(0).line(), "the Velocities section lists " + file.velocities.size()
                    + " of " + sorted.length + " atoms; the others have no velocity property"));
        }
        return byIndex;
    }

    private static int indexOf(AtomRow[] sorted, long id) {
        int low = 0;
        int high = sorted.length - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            long m = sorted[mid].id();
            if (m < id) {
                low = mid + 1;
            } else if (m > id) {
                high = mid - 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    private Element element(long type, int line) {
        Element known = elements.get(type);
        if (known != null) {
            return known;
        }
        Element e = resolve(type, line);
        elements.put(type, e);
        return e;
    }

    private Element resolve(long type, int line) {
        Element given = type <= Integer.MAX_VALUE ? explicit.get((int) type) : null;
        if (given != null) {
            return given;
        }
        MassRow mass = file.masses.get(type);
        if (mass == null) {
            throw src.error(line, 1, "atom type " + type + " has no element: expected a Masses line such as '" + type
                    + " 63.546 # Cu' (or give the element to LammpsDataReader(Map))");
        }
        Optional<Element> commented = symbol(mass.comment());
        if (commented.isPresent()) {
            Element e = commented.get();
            if (Math.abs(e.atomicMass() - mass.mass()) > MASS_MISMATCH_WARNING) {
                warnings.add(src.warning(mass.line(), "atom type " + type + " is " + e.symbol() + " by its comment, but its mass "
                        + mass.mass() + " differs from " + e.symbol() + "'s " + e.atomicMass()));
            }
            return e;
        }
        ElementByMass.Match match = ElementByMass.of(mass.mass());
        if (match.element().isPresent()) {
            return match.element().get();
        }
        String why = match.second().map(s -> "it is within " + ElementByMass.TOLERANCE + " u of both "
                + match.nearest().symbol() + " and " + s.symbol())
                .orElse("no element's standard mass is within " + ElementByMass.TOLERANCE + " u (nearest: "
                        + match.nearest().symbol() + ", " + match.nearest().atomicMass() + ")");
        throw src.error(mass.line(), 1, "cannot tell the element of atom type " + type + " from its mass " + mass.mass()
                + ": " + why + "; add a comment such as '# Cu' to its Masses line");
    }

    /**
     * The element named at the start of a Masses comment ({@code Cu}, {@code Cu1}, {@code O_water}),
     * if any. Case matters: {@code CA} (a protein's alpha carbon) is not calcium.
     */
    private static Optional<Element> symbol(String comment) {
        if (comment.isEmpty() || comment.charAt(0) < 'A' || comment.charAt(0) > 'Z') {
            return Optional.empty();
        }
        int end = 1;
        if (end < comment.length() && comment.charAt(end) >= 'a' && comment.charAt(end) <= 'z') {
            end++;
        }
        if (end < comment.length() && Character.isLetter(comment.charAt(end))) {
            return Optional.empty();
        }
        String symbol = comment.substring(0, end);
        return Element.parse(symbol).filter(e -> e.symbol().equals(symbol));
    }

    /** Wraps a fractional coordinate into [0, 1). */
    static double wrap(double f) {
        double w = f - Math.floor(f);
        return w >= 1.0 ? 0.0 : w + 0.0;
    }
}
