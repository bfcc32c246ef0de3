package dev.orion.io.vasp;

import dev.orion.io.internal.CellLimits;
import dev.orion.io.internal.SourceText;
import dev.orion.io.internal.SourceText.Token;
import dev.orion.structure.Lattice;
import dev.orion.structure.Matrix3;
import java.util.List;

/**
 * The scale line of a POSCAR: one universal factor, a negative number meaning the target cell
 * volume in Å³, or (newer VASP) three factors for the Cartesian x, y and z components. It scales
 * the lattice vectors and, in Cartesian mode, the positions.
 */
final class PoscarScale {

    private final double[] factors;
    private final double volume;

    private PoscarScale(double[] factors, double volume) {
        this.factors = factors;
        this.volume = volume;
    }

    static PoscarScale parse(SourceText src, List<Token> tokens) {
        int numbers = 0;
        while (numbers < tokens.size() && numbers < 3
                && Double.isFinite(SourceText.parseDoubleOrNaN(tokens.get(numbers).text()))) {
            numbers++;
        }
        if (numbers == 0) {
            throw src.error(tokens.get(0), "expected the scale factor (one number, or three), found '"
                    + tokens.get(0).text() + "'");
        }
        if (numbers == 3) {
            double[] f = new double[3];
            for (int i = 0; i < 3; i++) {
                f[i] = src.parseDouble(tokens.get(i), "a scale factor");
                if (!(f[i] > 0)) {
                    throw src.error(tokens.get(i), "expected three positive scale factors (x, y, z), found '"
                            + tokens.get(i).text() + "'; a target volume (negative number) must stand alone");
                }
            }
            return new PoscarScale(f, Double.NaN);
        }
        double s = src.parseDouble(tokens.get(0), "the scale factor");
        if (s == 0) {
            throw src.error(tokens.get(0), "expected a non-zero scale factor (a factor, or minus the "
                    + "cell volume in Å³), found '" + tokens.get(0).text() + "'");
        }
        if (s < 0) {
            return new PoscarScale(null, -s);
        }
        return new PoscarScale(new double[] {s, s, s}, Double.NaN);
    }

    /**
     * Applies the scale to the vectors of lines {@code firstLine .. firstLine + 2}.
     *
     * @param raw the vectors as written; changed in place
     * @return the lattice and the per-axis factors that made it, for Cartesian positions
     */
    Scaled apply(SourceText src, double[][] raw, int firstLine) {
        double[] f = factors(src, raw, firstLine);
        for (double[] row : raw) {
            for (int j = 0; j < 3; j++) {
                row[j] *= f[j];
                if (!Double.isFinite(row[j])) {
                    throw src.error(firstLine, 1, "the scaled lattice vectors on lines " + firstLine + "-"
                            + (firstLine + 2) + " are too large to be finite numbers");
                }
            }
        }
        try {
            return new Scaled(CellLimits.lattice(raw), f);
        } catch (IllegalArgumentException e) {
            throw src.error(firstLine, 1, "the lattice vectors on lines " + firstLine + "-" + (firstLine + 2)
                    + " do not form a cell: " + e.getMessage());
        }
    }

    private double[] factors(SourceText src, double[][] raw, int firstLine) {
        if (factors != null) {
            return factors;
        }
        double det = Math.abs(Matrix3.determinant(Matrix3.flat(raw)));
        if (!(det > 0) || !Double.isFinite(det)) {
            throw src.error(firstLine, 1, "the lattice vectors on lines " + firstLine + "-" + (firstLine + 2)
                    + " do not form a cell (volume " + det + "), so the negative scale (target volume "
                    + volume + " Å³) cannot be applied");
        }
        double s = Math.cbrt(volume / det);
        return new double[] {s, s, s};
    }

    /** The scaled lattice and the factors for the Cartesian x, y, z components that gave it. */
    record Scaled(Lattice lattice, double[] factors) {

        /** Scales Cartesian positions the way the lattice vectors were scaled. */
        double[] scaleCartesian(double[] xyz) {
            return new double[] {xyz[0] * factors[0], xyz[1] * factors[1], xyz[2] * factors[2]};
        }
    }
}
