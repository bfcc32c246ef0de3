package dev.orion.io.cif;

import dev.orion.io.internal.CellLimits;
import dev.orion.io.ReadWarning;
import dev.orion.structure.Lattice;
import dev.orion.structure.Matrix3;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Reads the unit cell of a data block ({@code _cell_length_*}, {@code _cell_angle_*}). */
final class CifCell {

    /** Below this volume / (a b c) the cell is flat; it is accepted with a warning. */
    private static final double FLAT = 1e-6;

    private CifCell() {
    }

    /**
     * @return the lattice, a along x and b in the xy plane (the convention of gemmi and
     *         {@link Lattice#fromParameters}); nearly flat cells are accepted with a warning
     */
    static Lattice read(CifBlock block, CifPositions positions, List<ReadWarning> warnings) {
        double a = length(block, positions, "_cell_length_a");
        double b = length(block, positions, "_cell_length_b");
        double c = length(block, positions, "_cell_length_c");
        List<String> missing = new ArrayList<>(3);
        double alpha = angle(block, positions, missing, "_cell_angle_alpha");
        double beta = angle(block, positions, missing, "_cell_angle_beta");
        double gamma = angle(block, positions, missing, "_cell_angle_gamma");
        if (!missing.isEmpty()) {
            warnings.add(positions.warning(block.offset(), "data block '" + block.name() + "' gives no "
                    + String.join(", ", missing) + "; 90 degrees assumed"));
        }
        double ca = cos(alpha);
        double cb = cos(beta);
        double cg = cos(gamma);
        double sg = gamma == 90 ? 1 : Math.sin(Math.toRadians(gamma));
        double cx = c * cb;
        double cy = c * (ca - cb * cg) / sg;
        // c_z from the volume formula (as gemmi computes the volume), not from c² - cx² - cy²,
        // which cancels catastrophically in nearly flat cells.
        double d = 1 - ca * ca - cb * cb - cg * cg + 2 * ca * cb * cg;
        int offset = block.column("_cell_angle_alpha").map(col -> col.offset(0)).orElse(block.offset());
        if (!(d > 0)) {
            throw positions.error(offset, String.format(Locale.ROOT,
                    "the cell angles alpha=%s, beta=%s, gamma=%s cannot form a cell", alpha, beta, gamma));
        }
        double cz = c * Math.sqrt(d) / sg;
        double[][] rows = {{a, 0, 0}, {b * cg, b * sg, 0}, {cx, cy, cz}};
        Lattice lattice;
        try {
            lattice = CellLimits.lattice(rows);
        } catch (IllegalArgumentException e) {
            throw positions.error(offset, "the cell is degenerate: " + e.getMessage());
        }
        if (cz * sg < FLAT * c) {
            warnings.add(positions.warning(offset, String.format(Locale.ROOT,
                    "the cell is nearly flat (volume %.3g Å³ for a=%s, b=%s, c=%s); read as written", lattice.volume(),
                    a, b, c)));
        }
        return lattice;
    }

    /** @return the lengths of the reciprocal vectors (columns of the inverse, no 2π), 1/Å */
    static double[] reciprocalLengths(double[][] m) {
        double det = Math.abs(Matrix3.determinant(Matrix3.flat(m)));
        // Rows of the inverse transpose: b x c / det, c x a / det, a x b / det.
        double[] out = new double[3];
        for (int i = 0; i < 3; i++) {
            out[i] = Matrix3.norm(Matrix3.cross(m[(i + 1) % 3], m[(i + 2) % 3])) / det;
        }
        return out;
    }

    private static double length(CifBlock block, CifPositions positions, String tag) {
        Optional<CifColumn> column = block.column(tag);
        if (column.isEmpty() || column.get().size() == 0) {
            throw positions.error(block.offset(), "data block '" + block.name() + "' has atom sites but no " + tag);
        }
        CifColumn col = column.get();
        double v = col.number(0);
        if (!(v > 0 && v <= CellLimits.MAX_LENGTH)) {
            throw positions.error(col.offset(0), "expected " + tag + " to be a length in (0, " + (long) CellLimits.MAX_LENGTH
                    + "] Å, found '" + CifParser.abbreviate(col.text(0)) + "'");
        }
        return v;
    }

    private static double angle(CifBlock block, CifPositions positions, List<String> missing, String tag) {
        Optional<CifColumn> column = block.column(tag);
        if (column.isEmpty() || column.get().size() == 0 || column.get().isMissing(0)) {
            missing.add(tag);
            return 90;
        }
        CifColumn col = column.get();
        double v = col.number(0);
        if (!(v > 0 && v < 180)) {
            throw positions.error(col.offset(0), "expected " + tag + " to be an angle in (0, 180) degrees, found '"
                    + CifParser.abbreviate(col.text(0)) + "'");
        }
        return v;
    }

    private static double cos(double degrees) {
        // Exactly zero for right angles, so that orthogonal cells get orthogonal matrices.
        return degrees == 90 ? 0 : Math.cos(Math.toRadians(degrees));
    }
}
