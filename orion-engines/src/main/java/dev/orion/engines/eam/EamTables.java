package dev.orion.engines.eam;

import dev.orion.OrionException;
import dev.orion.engine.Potential;
import dev.orion.structure.Element;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * EAM functions on LAMMPS's grids, turned into the same cubic splines that LAMMPS's {@code pair_eam}
 * builds (seven coefficients per knot: derivative coefficients 0-2, value coefficients 3-6), so that
 * energies and forces agree with LAMMPS to rounding. Funcfl files are resampled onto one grid of
 * {@code round(rmax/dr)} points and their pair terms built as {@code 27.2*0.529 Z_i Z_j}, as LAMMPS
 * does; setfl and Finnis-Sinclair files are used as they are.
 *
 * <p>Arrays are 1-based in the knot index, like LAMMPS's, so the formulas read alike.
 */
final class EamTables {

    final int nrho;
    final int nr;
    final double drho;
    final double dr;
    final double rdr;
    final double rdrho;
    final double rhomax;
    final double cutoff;
    /** Spline coefficients of F(rho), flat: function f, knot m, coefficient c at {@code [f][7 * m + c]}. */
    final double[][] frhoSpline;
    /** Per type (0-based): which frho spline. */
    final int[] type2frho;
    /** Per type pair: which rhor spline. */
    private final int[][] type2rhor;
    /** Number of atom types. */
    final int types;
    /**
     * Per ordered type pair {@code (ti, tj)} at {@code [ti * types + tj]}: everything a pair loop reads
     * at knot {@code m}, interleaved from {@code PAIR_STRIDE * m} so that one lookup touches adjacent
     * memory: {@link #RHO_I} and {@link #RHO_J} (value coefficients of the density j gives i and i gives
     * j), {@link #DRHO_I} and {@link #DRHO_J} (LAMMPS's {@code rhoip} and {@code rhojp}), {@link #DZ2}
     * and {@link #Z2} (derivative and value of {@code r phi(r)}).
     */
    final double[][] pairSpline;
    static final int PAIR_STRIDE = 24;
    static final int RHO_I = 0;
    static final int RHO_J = 4;
    static final int DRHO_I = 8;
    static final int DRHO_J = 11;
    static final int DZ2 = 14;
    static final int Z2 = 17;

    private EamTables(int nrho, int nr, double drho, double dr, double rhomax, double cutoff, double[][] frho,
            double[][] rhor, double[][] z2r, int[] type2frho, int[][] type2rhor, int[][] type2z2r) {
        this.nrho = nrho;
        this.nr = nr;
        this.drho = drho;
        this.dr = dr;
        this.rdr = 1.0 / dr;
        this.rdrho = 1.0 / drho;
        this.rhomax = rhomax;
        this.cutoff = cutoff;
        this.frhoSpline = splines(frho, nrho, drho);
        this.type2frho = type2frho;
        this.type2rhor = type2rhor;
        this.types = type2frho.length;
        double[][] rhorSpline = splines(rhor, nr, dr);
        double[][] z2rSpline = splines(z2r, nr, dr);
        this.pairSpline = new double[types * types][];
        for (int ti = 0; ti < types; ti++) {
            for (int tj = 0; tj < types; tj++) {
                double[] rhoFromJ = rhorSpline[type2rhor[tj][ti]];
                double[] rhoFromI = rhorSpline[type2rhor[ti][tj]];
                double[] z2 = z2rSpline[type2z2r[ti][tj]];
                double[] out = new double[PAIR_STRIDE * (nr + 1)];
                for (int m = 0; m <= nr; m++) {
                    int o = PAIR_STRIDE * m;
                    System.arraycopy(rhoFromJ, 7 * m + 3, out, o + RHO_I, 4);
                    System.arraycopy(rhoFromI, 7 * m + 3, out, o + RHO_J, 4);
                    System.arraycopy(rhoFromI, 7 * m, out, o + DRHO_I, 3);
                    System.arraycopy(rhoFromJ, 7 * m, out, o + DRHO_J, 3);
                    System.arraycopy(z2, 7 * m, out, o + DZ2, 3);
                    System.arraycopy(z2, 7 * m + 3, out, o + Z2, 4);
                }
                pairSpline[ti * types + tj] = out;
            }
        }
    }

    /**
     * @param potential an eam, eam/alloy or eam/fs potential
     * @param file      its file, resolved
     * @param types     the element of each type, in type order
     */
    static EamTables load(Potential potential, Path file, List<Element> types) {
        List<String> tokens;
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new OrionException("cannot read EAM potential file " + file + ": " + e.getMessage(), e);
        }
        try {
            if (potential instanceof Potential.Eam) {
                tokens = tokens(lines, 1);
                return funcfl(tokens, types.size());
            }
            boolean fs = potential instanceof Potential.EamFs;
            tokens = tokens(lines, 3);
            return setfl(tokens, types, fs, file);
        } catch (RuntimeException e) {
            if (e instanceof OrionException oe) {
                throw oe;
            }
            throw new OrionException("cannot parse EAM potential file " + file + ": " + e, e);
        }
    }

    private static List<String> tokens(List<String> lines, int skip) {
        List<String> out = new ArrayList<>();
        for (int i = skip; i < lines.size(); i++) {
            for (String t : lines.get(i).trim().split("\\s+")) {
                if (!t.isEmpty()) {
                    out.add(t);
                }
            }
        }
        return out;
    }

    private static double d(String s) {
        return Double.parseDouble(s.replace('D', 'E').replace('d', 'e'));
    }

    /** A funcfl file: Z mass a0 lattice / nrho drho nr dr cut / F(rho) / Z(r) / rho(r). */
    private static EamTables funcfl(List<String> t, int ntypes) {
        int k = 4;
        int fileNrho = count("nrho", t.get(k++));
        double fileDrho = d(t.get(k++));
        int fileNr = count("nr", t.get(k++));
        double fileDr = d(t.get(k++));
        double cut = d(t.get(k++));
        requireValues(t, k, (long) fileNrho + 2L * fileNr, "nrho " + fileNrho + " and nr " + fileNr);
        double[] frhoFile = new double[fileNrho + 1];
        double[] zrFile = new double[fileNr + 1];
        double[] rhorFile = new double[fileNr + 1];
        for (int m = 1; m <= fileNrho; m++) {
            frhoFile[m] = d(t.get(k++));
        }
        for (int m = 1; m <= fileNr; m++) {
            zrFile[m] = d(t.get(k++));
        }
        for (int m = 1; m <= fileNr; m++) {
            rhorFile[m] = d(t.get(k++));
        }
        double rmax = (fileNr - 1) * fileDr;
        double rhomax = (fileNrho - 1) * fileDrho;
        int nr = (int) (rmax / fileDr + 0.5);
        int nrho = (int) (rhomax / fileDrho + 0.5);
        double[][] frho = {resample(frhoFile, fileNrho, fileDrho, nrho, fileDrho), new double[nrho + 1]};
        double[][] rhor = {resample(rhorFile, fileNr, fileDr, nr, fileDr)};
        double[] zr = resample(zrFile, fileNr, fileDr, nr, fileDr);
        double[] z2r = new double[nr + 1];
        for (int m = 1; m <= nr; m++) {
            z2r[m] = 27.2 * 0.529 * zr[m] * zr[m];
        }
        int[] type2frho = new int[ntypes];
        int[][] type2rhor = new int[ntypes][ntypes];
        int[][] type2z2r = new int[ntypes][ntypes];
        return new EamTables(nrho, nr, fileDrho, fileDr, rhomax, cut, frho, rhor, new double[][] {z2r},
                type2frho, type2rhor, type2z2r);
    }

    /** @return whether every type pair's density functions are one spline, both ways */
    boolean oneDensity() {
        for (int[] row : type2rhor) {
            for (int f : row) {
                if (f != type2rhor[0][0]) {
                    return false;
                }
            }
        }
        return true;
    }

    private static int count(String name, String token) {
        int n = Integer.parseInt(token);
        if (n < 1) {
            throw new IllegalArgumentException("the header's " + name + " must be positive, got " + n);
        }
        return n;
    }

    /**
     * Checks a header's counts against the values the file really holds before any table is allocated,
     * so that a forged header ({@code nrho 2000000000}) is an error, not an OutOfMemoryError.
     */
    private static void requireValues(List<String> t, int from, long needed, String header) {
        if (needed > t.size() - from) {
            throw new IllegalArgumentException("the header declares " + header + ", which needs " + needed
                    + " values, but the file holds " + (t.size() - from));
        }
    }

    /** LAMMPS's 4-point Lagrange resampling of a 1-based table onto a grid of {@code n} points. */
    private static double[] resample(double[] f, int fileN, double fileDelta, int n, double delta) {
        double sixth = 1.0 / 6.0;
        double[] out = new double[n + 1];
        for (int m = 1; m <= n; m++) {
            double r = (m - 1) * delta;
            double p = r / fileDelta + 1.0;
            int k = (int) p;
            k = Math.min(k, fileN - 2);
            k = Math.max(k, 2);
            p -= k;
            p = Math.min(p, 2.0);
            double c1 = -sixth * p * (p - 1.0) * (p - 2.0);
            double c2 = 0.5 * (p * p - 1.0) * (p - 2.0);
            double c3 = -0.5 * p * (p + 1.0) * (p - 2.0);
            double c4 = sixth * p * (p * p - 1.0);
            out[m] = c1 * f[k - 1] + c2 * f[k] + c3 * f[k + 1] + c4 * f[k + 2];
        }
        return out;
    }

    /** A setfl (or Finnis-Sinclair) file after its three comment lines. */
    private static EamTables setfl(List<String> t, List<Element> types, boolean fs, Path file) {
        int k = 0;
        int ne = count("element count", t.get(k++));
        requireValues(t, k, ne, "element count " + ne);
        List<String> elements = new ArrayList<>();
        for (int i = 0; i < ne; i++) {
            elements.add(t.get(k++));
        }
        int nrho = count("nrho", t.get(k++));
        double drho = d(t.get(k++));
        int nr = count("nr", t.get(k++));
        double dr = d(t.get(k++));
        double cut = d(t.get(k++));
        long perElement = 4L + nrho + (fs ? (long) ne : 1L) * nr;
        requireValues(t, k, ne * perElement + (long) ne * (ne + 1) / 2 * nr,
                ne + " elements, nrho " + nrho + " and nr " + nr);
        double[][] frho = new double[ne + 1][nrho + 1];
        double[][] rhor = new double[fs ? ne * ne : ne][nr + 1];
        for (int i = 0; i < ne; i++) {
            k += 4; // Z mass a0 lattice
            for (int m = 1; m <= nrho; m++) {
                frho[i][m] = d(t.get(k++));
            }
            for (int j = 0; j < (fs ? ne : 1); j++) {
                double[] target = rhor[fs ? i * ne + j : i];
                for (int m = 1; m <= nr; m++) {
                    target[m] = d(t.get(k++));
                }
            }
        }
        double[][] z2r = new double[ne * (ne + 1) / 2][nr + 1];
        int n = 0;
        for (int i = 0; i < ne; i++) {
            for (int j = 0; j <= i; j++) {
                for (int m = 1; m <= nr; m++) {
                    z2r[n][m] = d(t.get(k++));
                }
                n++;
            }
        }
        int nt = types.size();
        int[] map = new int[nt];
        for (int i = 0; i < nt; i++) {
            map[i] = elements.indexOf(types.get(i).symbol());
            if (map[i] < 0) {
                throw new OrionException("EAM potential file " + file + " has no element " + types.get(i).symbol()
                        + "; it has " + elements);
            }
        }
        int[] type2frho = new int[nt];
        int[][] type2rhor = new int[nt][nt];
        int[][] type2z2r = new int[nt][nt];
        for (int i = 0; i < nt; i++) {
            type2frho[i] = map[i];
            for (int j = 0; j < nt; j++) {
                type2rhor[i][j] = fs ? map[i] * ne + map[j] : map[i];
                int row = Math.max(map[i], map[j]);
                int col = Math.min(map[i], map[j]);
                type2z2r[i][j] = row * (row + 1) / 2 + col;
            }
        }
        return new EamTables(nrho, nr, drho, dr, (nrho - 1) * drho, cut, frho, rhor, z2r, type2frho, type2rhor, type2z2r);
    }

    private static double[][] splines(double[][] f, int n, double delta) {
        double[][] out = new double[f.length][];
        for (int i = 0; i < f.length; i++) {
            double[][] s = spline(n, delta, f[i]);
            double[] flat = new double[7 * (n + 1)];
            for (int m = 0; m <= n; m++) {
                System.arraycopy(s[m], 0, flat, 7 * m, 7);
            }
            out[i] = flat;
        }
        return out;
    }

    /** LAMMPS's spline: value in column 6, slopes from a 5-point stencil, Hermite cubic per interval. */
    static double[][] spline(int n, double delta, double[] f) {
        double[][] s = new double[n + 1][7];
        for (int m = 1; m <= n; m++) {
            s[m][6] = f[m];
        }
        s[1][5] = s[2][6] - s[1][6];
        s[2][5] = 0.5 * (s[3][6] - s[1][6]);
        s[n - 1][5] = 0.5 * (s[n][6] - s[n - 2][6]);
        s[n][5] = s[n][6] - s[n - 1][6];
        for (int m = 3; m <= n - 2; m++) {
            s[m][5] = ((s[m - 2][6] - s[m + 2][6]) + 8.0 * (s[m + 1][6] - s[m - 1][6])) / 12.0;
        }
        for (int m = 1; m <= n - 1; m++) {
            s[m][4] = 3.0 * (s[m + 1][6] - s[m][6]) - 2.0 * s[m][5] - s[m + 1][5];
            s[m][3] = s[m][5] + s[m + 1][5] - 2.0 * (s[m + 1][6] - s[m][6]);
        }
        s[n][4] = 0.0;
        s[n][3] = 0.0;
        for (int m = 1; m <= n; m++) {
            s[m][2] = s[m][5] / delta;
            s[m][1] = 2.0 * s[m][4] / delta;
            s[m][0] = 3.0 * s[m][3] / delta;
        }
        return s;
    }
}
